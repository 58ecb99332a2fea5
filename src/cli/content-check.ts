/**
 * `npm run content:check` (part of the build): lists pages whose translation is missing or older
 * than its German source, so they can go back to the translators. It reports; the unit tests fail on broken pages.
 */
import { LANGUAGES, SOURCE_LANGUAGE } from '../i18n/languages';
import { translationStatus } from '../i18n/translation-status';
import { readPage, sourceSlugs } from './content-files';

const outdated: string[] = [];
const missing: string[] = [];
for (const slug of sourceSlugs()) {
  const source = readPage(SOURCE_LANGUAGE, slug);
  const version = Number(source?.data.version);
  for (const { code } of LANGUAGES) {
    if (code === SOURCE_LANGUAGE) continue;
    const page = readPage(code, slug);
    const meta = page ? { translatedFrom: Number(page.data.translatedFrom), translation: 'machine' as const } : undefined;
    const status = translationStatus(code, SOURCE_LANGUAGE, version, meta);
    if (status === 'outdated') outdated.push(`${code}/${slug} (from v${meta?.translatedFrom}, source is v${version})`);
    if (status === 'missing') missing.push(`${code}/${slug}`);
  }
}
const report = (title: string, list: string[]) => process.stdout.write(`${title}: ${list.length}\n${list.map((l) => `  ${l}\n`).join('')}`);
report('Translations older than their German source', outdated);
report('Pages not translated yet (the German text is shown with a notice)', missing);
