/**
 * Which KIM team receives a referral. The rules are data an admin keeps: each topic points to a
 * team with a priority; among the topics of a referral, the rule with the lowest priority number
 * wins (housing before work when a person needs both, if the office says so).
 */
import type { Topic } from './referral-schema';

export interface RoutingRule {
  topic: Topic;
  teamId: string;
  priority: number;
}

export function routeReferral(topics: readonly Topic[], rules: readonly RoutingRule[]): string | null {
  const matching = rules.filter((r) => topics.includes(r.topic)).sort((a, b) => a.priority - b.priority || a.topic.localeCompare(b.topic));
  if (matching[0]) return matching[0].teamId;
  // No rule for any of these topics: the team that takes "other" is the catch-all.
  return rules.find((r) => r.topic === 'other')?.teamId ?? null;
}
