/**
 * Accepts only a route inside a language ("residence-permit/", "search/", ""), so that the
 * language switcher can never be used to send people to another site.
 */
export function safeNextRoute(next: string | null | undefined): string {
  if (!next) return '';
  return /^([a-z0-9]+(-[a-z0-9]+)*\/)?$/.test(next) ? next : '';
}
