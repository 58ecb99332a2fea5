/**
 * Keeps the counter desk's day list current: asks every 10 s whether anything changed at this
 * place on this day (a booking, a cancellation, another desk's check-in) and, if so, swaps in
 * the new list. Never while someone is typing.
 */
const list = document.getElementById('day-list');
const versionUrl = list?.dataset.live;
let known: string | null = null;

async function check(): Promise<void> {
  if (!list || !versionUrl) return;
  const res = await fetch(versionUrl, { cache: 'no-store' });
  if (!res.ok) return;
  const { version } = (await res.json()) as { version: string };
  if (known !== null && version !== known && !typing()) await refresh();
  known = version;
}

function typing(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
}

async function refresh(): Promise<void> {
  const page = await fetch(location.href.split('#')[0] ?? location.href, { cache: 'no-store' });
  if (!page.ok || !list) return;
  const fresh = new DOMParser().parseFromString(await page.text(), 'text/html').getElementById('day-list');
  if (fresh) list.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
}

if (list && versionUrl) {
  void check().catch(() => undefined);
  setInterval(() => void check().catch(() => undefined), Number(list.dataset.every ?? 10_000));
}
