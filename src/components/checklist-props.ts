import { questionsFor } from '../domain/checklists/checklist';
import { CHECKLISTS } from '../domain/checklists/rules';
import { QUESTIONS, type Answers } from '../domain/checklists/types';
import { useTranslations } from '../i18n/i18n';
import { getLanguage } from '../i18n/languages';
import type { ChecklistProps } from '../islands/checklist-types';

const STRING_KEYS = [
  'documentsTitle',
  'questionsTitle',
  'fullListNote',
  'have',
  'why',
  'where',
  'onlyIf',
  'translation',
  'print',
  'share',
  'copy',
  'copied',
  'reset',
  'book',
  'noQuestions',
  'offline',
] as const;

/** The checklist island's props for one service in one language: only the texts it uses. */
export function checklistProps(lang: string, service: string, initialAnswers: Answers = {}): ChecklistProps {
  const t = useTranslations(lang);
  const locale = getLanguage(lang).tag;
  const documents = [...new Set((CHECKLISTS[service]?.rules ?? []).map((r) => r.document))];
  const reasons = [...new Set((CHECKLISTS[service]?.rules ?? []).map((r) => r.why))];
  const questions = questionsFor(service);
  return {
    lang,
    locale,
    service,
    questions: questions.map((id) => ({
      id,
      label: t(`checklist:questions.${id}.label`),
      options: QUESTIONS[id].map((value) => ({ value, label: t(`checklist:questions.${id}.${value}`) })),
    })),
    documents: Object.fromEntries(
      documents.map((d) => [d, { name: t(`checklist:documents.${d}.name`), where: t(`checklist:documents.${d}.where`) }]),
    ),
    reasons: Object.fromEntries(reasons.map((r) => [r, t(`checklist:reasons.${r}`)])),
    conditions: Object.fromEntries(
      questions.map((q) => [q, Object.fromEntries(QUESTIONS[q].map((v) => [v, t(`checklist:conditions.${q}.${v}`)]))]),
    ),
    forms: Object.fromEntries(['original', 'copy', 'original_and_copy'].map((f) => [f, t(`checklist:forms.${f}`)])),
    progress: Object.fromEntries(
      new Intl.PluralRules(locale)
        .resolvedOptions()
        .pluralCategories.map((c) => [c, t(`checklist:progress_${c}`, { count: '{{count}}', total: '{{total}}' })]),
    ),
    strings: Object.fromEntries(STRING_KEYS.map((k) => [k, t(`checklist:${k}`)])) as ChecklistProps['strings'],
    bookUrl: `/${lang}/book/?service=${service}`,
    initialAnswers,
  };
}
