import type { Answers, QuestionId } from '../domain/checklists/types';

/** What the checklist island needs, in the reader's language (serialised into the page). */
export interface ChecklistProps {
  lang: string;
  locale: string;
  service: string;
  questions: { id: QuestionId; label: string; options: { value: string; label: string }[] }[];
  documents: Record<string, { name: string; where: string }>;
  reasons: Record<string, string>;
  /** conditions[question][value]: completes "Only if …". */
  conditions: Record<string, Record<string, string>>;
  forms: Record<string, string>;
  /** "{{count}} of {{total}} ticked" per plural category. */
  progress: Record<string, string>;
  strings: Record<
    | 'documentsTitle'
    | 'questionsTitle'
    | 'fullListNote'
    | 'have'
    | 'why'
    | 'where'
    | 'onlyIf'
    | 'translation'
    | 'print'
    | 'share'
    | 'copy'
    | 'copied'
    | 'reset'
    | 'book'
    | 'noQuestions'
    | 'offline',
    string
  >;
  bookUrl: string;
  /** Answers given in the address (a shared link); otherwise those stored on this device. */
  initialAnswers: Answers;
}
