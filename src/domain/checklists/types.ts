/** Document checklists: rules as data, one pure function (checklist.ts) to apply them. */

export const QUESTIONS = {
  married: ['yes', 'no'],
  children: ['yes', 'no'],
  work: ['employed', 'self_employed', 'studying', 'none'],
  benefits: ['yes', 'no'],
  euPassport: ['yes', 'no'],
} as const;

export type QuestionId = keyof typeof QUESTIONS;
export type Answers = Partial<{ [Q in QuestionId]: (typeof QUESTIONS)[Q][number] }>;

/** A document applies when its question has one of the listed answers. */
export type Condition = { [Q in QuestionId]: { question: Q; oneOf: readonly (typeof QUESTIONS)[Q][number][] } }[QuestionId];

export type DocumentForm = 'original' | 'copy' | 'original_and_copy';

export interface ChecklistRule {
  document: string;
  form: DocumentForm;
  /** A document not in German needs a certified German translation. */
  translation?: boolean;
  /** Why the office needs it (i18n: checklist:reasons.<why>). */
  why: string;
  when?: Condition;
}

export interface ServiceChecklist {
  questions: QuestionId[];
  rules: ChecklistRule[];
}

export interface ChecklistItem extends ChecklistRule {
  /** Set when the answer is not known yet: the document applies only if this holds. */
  onlyIf?: Condition;
}
