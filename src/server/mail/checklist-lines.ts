import { checklistFor } from '../../domain/checklists/checklist';
import type { Answers } from '../../domain/checklists/types';
import { useTranslations } from '../../i18n/i18n';

/** The list as lines of text, for mails: tailored to the answers, or with conditions spelled out. */
export function checklistLines(lang: string, service: string, answers: Answers = {}): string[] {
  const t = useTranslations(lang);
  return checklistFor(service, answers).map((item) => {
    const parts = [`${t(`checklist:documents.${item.document}.name`)} (${t(`checklist:forms.${item.form}`)})`];
    if (item.onlyIf) parts.push(`– ${t('checklist:onlyIf')}: ${t(`checklist:conditions.${item.onlyIf.question}.${item.onlyIf.oneOf[0]}`)}`);
    return parts.join(' ');
  });
}
