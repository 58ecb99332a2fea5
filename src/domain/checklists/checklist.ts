import { CHECKLISTS } from './rules';
import { QUESTIONS, type Answers, type ChecklistItem, type Condition, type QuestionId } from './types';

export function hasChecklist(serviceId: string): boolean {
  return Object.hasOwn(CHECKLISTS, serviceId);
}

export function questionsFor(serviceId: string): QuestionId[] {
  return CHECKLISTS[serviceId]?.questions ?? [];
}

function holds(condition: Condition, answers: Answers): boolean | undefined {
  const answer = answers[condition.question];
  if (answer === undefined) return undefined;
  return (condition.oneOf as readonly string[]).includes(answer);
}

/**
 * The documents a person needs for a service, given what they answered. A document whose
 * question is still open stays in the list with the condition spelled out, so the full list
 * (no answers) is never shorter than any tailored one.
 */
export function checklistFor(serviceId: string, answers: Answers = {}): ChecklistItem[] {
  const checklist = CHECKLISTS[serviceId];
  if (!checklist) return [];
  return checklist.rules.flatMap((rule): ChecklistItem[] => {
    if (!rule.when) return [rule];
    const verdict = holds(rule.when, answers);
    if (verdict === false) return [];
    return verdict === true ? [rule] : [{ ...rule, onlyIf: rule.when }];
  });
}

/** Reads answers from untrusted input (a shared link, a form): unknown values are dropped. */
export function parseAnswers(input: Record<string, unknown>): Answers {
  const answers: Record<string, string> = {};
  for (const [question, values] of Object.entries(QUESTIONS)) {
    const value = input[question];
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) answers[question] = value;
  }
  return answers as Answers;
}

/** Answers as a compact query string for a share link ("married=yes&work=employed"). */
export function answersToQuery(answers: Answers): string {
  return Object.entries(answers)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}
