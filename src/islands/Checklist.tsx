/**
 * A document checklist. The server renders the full list with every condition spelled out (it
 * reads fine without JavaScript and prints); in the browser a few questions shape the list and
 * ticks are kept in this device's localStorage only.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { answersToQuery, checklistFor, parseAnswers } from '../domain/checklists/checklist';
import type { Answers } from '../domain/checklists/types';
import { fill } from './booking-steps';
import type { ChecklistProps } from './checklist-types';

const storageKey = (service: string) => `checklist:${service}`;

interface Stored {
  answers: Answers;
  ticks: string[];
}

function load(service: string): Stored | undefined {
  try {
    const raw = localStorage.getItem(storageKey(service));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { answers?: Record<string, unknown>; ticks?: unknown };
    return {
      answers: parseAnswers(parsed.answers ?? {}),
      ticks: Array.isArray(parsed.ticks) ? parsed.ticks.filter((t): t is string => typeof t === 'string') : [],
    };
  } catch {
    return undefined;
  }
}

export default function Checklist(props: ChecklistProps) {
  const { strings: s } = props;
  const [answers, setAnswers] = useState<Answers>(props.initialAnswers);
  const [ticks, setTicks] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const stored = load(props.service);
    const fromLink = parseAnswers(Object.fromEntries(new URLSearchParams(window.location.search)));
    setAnswers(Object.keys(fromLink).length > 0 ? fromLink : (stored?.answers ?? {}));
    setTicks(stored?.ticks ?? []);
    setReady(true);
  }, []);
  useEffect(() => {
    if (!ready) return;
    try {
      localStorage.setItem(storageKey(props.service), JSON.stringify({ answers, ticks }));
    } catch {
      // Private mode or full storage: the list still works, it is just not remembered.
    }
  }, [answers, ticks, ready]);

  const items = useMemo(() => checklistFor(props.service, answers), [answers]);
  const ticked = items.filter((i) => ticks.includes(i.document)).length;
  const category = new Intl.PluralRules(props.locale).select(ticked);
  const query = answersToQuery(answers);
  const shareUrl = `${ready ? window.location.origin : ''}/${props.lang}/checklist/${props.service}/${query ? `?${query}` : ''}`;
  const bookUrl = `${props.bookUrl}${query ? `&${query}` : ''}`;

  const toggle = (document: string) =>
    setTicks((current) => (current.includes(document) ? current.filter((d) => d !== document) : [...current, document]));

  return (
    <div class="checklist">
      {props.questions.length > 0 ? (
        <form class="questions" method="get" onSubmit={(e) => e.preventDefault()}>
          <h2>{s.questionsTitle}</h2>
          {props.questions.map((q) => (
            <fieldset>
              <legend>{q.label}</legend>
              <div class="options">
                {q.options.map((o) => (
                  <div class="choice">
                    <input
                      type="radio"
                      name={q.id}
                      id={`q-${q.id}-${o.value}`}
                      value={o.value}
                      checked={answers[q.id] === o.value}
                      onChange={() => setAnswers({ ...answers, [q.id]: o.value })}
                    />
                    <label for={`q-${q.id}-${o.value}`}>{o.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </form>
      ) : (
        <p>{s.noQuestions}</p>
      )}

      <h2 id="documents-title">{s.documentsTitle}</h2>
      {items.some((i) => i.onlyIf) && <p class="hint">{s.fullListNote}</p>}
      <p class="progress-text" role="status">
        {fill(props.progress[category] ?? props.progress.other ?? '', { count: ticked, total: items.length })}
      </p>
      <ul class="documents" aria-labelledby="documents-title">
        {items.map((item) => {
          const doc = props.documents[item.document];
          const id = `doc-${item.document}`;
          return (
            <li class={ticks.includes(item.document) ? 'ticked' : undefined}>
              <div class="choice">
                <input
                  type="checkbox"
                  id={id}
                  checked={ticks.includes(item.document)}
                  onChange={() => toggle(item.document)}
                  aria-describedby={`${id}-details`}
                />
                <label for={id}>
                  <strong>{doc?.name}</strong> <span class="form-tag">{props.forms[item.form]}</span>
                </label>
              </div>
              <div class="details" id={`${id}-details`}>
                {item.onlyIf && (
                  <p class="only-if">
                    {s.onlyIf}: {props.conditions[item.onlyIf.question]?.[item.onlyIf.oneOf[0] ?? '']}
                  </p>
                )}
                <p>
                  <span class="label">{s.why}:</span> {props.reasons[item.why]}
                </p>
                <p>
                  <span class="label">{s.where}</span> {doc?.where}
                </p>
                {item.translation && <p>{s.translation}</p>}
              </div>
            </li>
          );
        })}
      </ul>

      <div class="page-actions">
        {ready && (
          <button type="button" class="button" onClick={() => print()}>
            {s.print}
          </button>
        )}
        <a class="button primary" href={bookUrl}>
          {s.book}
        </a>
      </div>
      {ready && (
        <div class="share">
          <label for="share-link">{s.share}</label>
          <div class="inline">
            <input id="share-link" type="text" readOnly value={shareUrl} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              class="button"
              onClick={() => {
                void navigator.clipboard?.writeText(shareUrl).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {s.copy}
            </button>
          </div>
          {copied && <p role="status">{s.copied}</p>}
          <button type="button" class="linklike" onClick={() => (setAnswers({}), setTicks([]))}>
            {s.reset}
          </button>
        </div>
      )}
      <p class="hint">{s.offline}</p>
    </div>
  );
}
