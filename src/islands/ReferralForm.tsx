/**
 * Asking for a referral to KIM case management. Rendered on the server as a plain HTML form that
 * works without JavaScript; hydrated, it checks the answers with the same schema as the server,
 * sends them to /api/referrals and keeps everything typed when something goes wrong.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { parseReferralRequest } from '../domain/referrals/referral-schema';
import type { ReferralProps, ReferralValues } from './referral-types';
import { described, ErrorSummary, Field } from './form-field';

export default function ReferralForm(props: ReferralProps) {
  const { strings: s } = props;
  const [values, setValues] = useState<ReferralValues>(props.values);
  const [errors, setErrors] = useState<Record<string, string>>(props.errors);
  const [notice, setNotice] = useState<string | null>(props.notice);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const errorList = Object.entries(errors);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const set = (change: Partial<ReferralValues>) => setValues((v) => ({ ...v, ...change }));
  const toggleTopic = (topic: string, on: boolean) =>
    set({ topics: on ? [...values.topics, topic] : values.topics.filter((t) => t !== topic) });

  async function submit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const body = { ...values, consentVersion: props.consentVersion, forClient: props.forClient };
    const parsed = parseReferralRequest(body);
    if (!parsed.ok) {
      setNotice(null);
      setErrors(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, s[key] ?? s['errors.invalid'] ?? ''])));
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const res = await fetch('/api/referrals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...body, lang: props.lang }),
      });
      const answer = (await res.json().catch(() => ({}))) as {
        receiptUrl?: string;
        error?: { message?: string; fields?: Record<string, string> };
      };
      if (res.status === 201 && answer.receiptUrl) {
        location.assign(answer.receiptUrl);
        return;
      }
      setErrors(answer.error?.fields ?? {});
      setNotice(answer.error?.fields ? null : (answer.error?.message ?? s['errors.unavailable'] ?? ''));
    } catch {
      setErrors({});
      setNotice(s['errors.network'] ?? '');
    }
    setBusy(false);
    setAttempt((n) => n + 1);
  }

  return (
    <form class="referral" method="post" action={props.action} noValidate onSubmit={submit}>
      {(errorList.length > 0 || notice) && <ErrorSummary title={s['errors.title']} notice={notice} errors={errors} summary={summary} />}
      <input type="hidden" name="consentVersion" value={String(props.consentVersion)} />
      <Group id="topics" legend={s['topics.legend']} hint={s['topics.hint']} error={errors.topics}>
        {props.topics.map((topic) => (
          <div class="choice">
            <input
              type="checkbox"
              name="topics"
              id={`topic-${topic}`}
              value={topic}
              checked={values.topics.includes(topic)}
              onChange={(e) => toggleTopic(topic, e.currentTarget.checked)}
            />
            <label for={`topic-${topic}`}>{s[`topics.${topic}`]}</label>
          </div>
        ))}
      </Group>
      <Group id="urgency" legend={s['urgency.legend']} error={errors.urgency}>
        {props.urgencies.map((u) => (
          <div class="choice">
            <input
              type="radio"
              name="urgency"
              id={`urgency-${u}`}
              value={u}
              checked={values.urgency === u}
              onChange={() => set({ urgency: u })}
            />
            <label for={`urgency-${u}`}>{s[`urgency.${u}`]}</label>
          </div>
        ))}
      </Group>
      <Field id="name" label={s.name} error={errors.name}>
        <input
          id="field-name"
          name="name"
          type="text"
          autoComplete={props.forClient ? 'off' : 'name'}
          required
          maxLength={120}
          value={values.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
          {...described('name', errors.name)}
        />
      </Field>
      <Group id="contactWay" legend={s['contact.legend']} error={errors.contactWay}>
        {props.contactWays.map((way) => (
          <div class="choice">
            <input
              type="radio"
              name="contactWay"
              id={`contact-${way}`}
              value={way}
              checked={values.contactWay === way}
              onChange={() => set({ contactWay: way })}
            />
            <label for={`contact-${way}`}>{s[`contact.${way}`]}</label>
          </div>
        ))}
        <p class="hint">{s['contact.reachHint']}</p>
      </Group>
      <Field id="phone" label={`${s.phone} ${values.contactWay === 'phone' ? '' : s.optional}`} error={errors.phone}>
        <input
          id="field-phone"
          name="phone"
          type="tel"
          autoComplete={props.forClient ? 'off' : 'tel'}
          inputMode="tel"
          maxLength={30}
          dir="ltr"
          value={values.phone}
          onInput={(e) => set({ phone: e.currentTarget.value })}
          {...described('phone', errors.phone)}
        />
      </Field>
      <Field id="email" label={`${s.email} ${values.contactWay === 'email' ? '' : s.optional}`} error={errors.email}>
        <input
          id="field-email"
          name="email"
          type="email"
          autoComplete={props.forClient ? 'off' : 'email'}
          inputMode="email"
          maxLength={254}
          dir="ltr"
          value={values.email}
          onInput={(e) => set({ email: e.currentTarget.value })}
          {...described('email', errors.email)}
        />
      </Field>
      <Field id="centre" label={s['contact.centre']} error={errors.centre}>
        <select
          id="field-centre"
          name="centre"
          onChange={(e) => set({ centre: e.currentTarget.value })}
          {...described('centre', errors.centre)}
        >
          <option value="">{s['contact.centreChoose']}</option>
          {props.centres.map((c) => (
            <option value={c.id} selected={values.centre === c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="language" label={s.language} error={errors.language}>
        <select
          id="field-language"
          name="language"
          onChange={(e) => set({ language: e.currentTarget.value })}
          {...described('language', errors.language)}
        >
          {props.languages.map((l) => (
            <option value={l.code} lang={l.tag} selected={values.language === l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <div class="choice">
        <input
          type="checkbox"
          name="interpreter"
          id="field-interpreter"
          value="yes"
          checked={values.interpreter}
          onChange={(e) => set({ interpreter: e.currentTarget.checked })}
        />
        <label for="field-interpreter">{s.interpreter}</label>
      </div>
      <Field
        id="message"
        label={s.message}
        hint={(s.messageHint ?? '').replace('{{max}}', String(props.maxMessage))}
        error={errors.message}
      >
        <textarea
          id="field-message"
          name="message"
          rows={5}
          maxLength={props.maxMessage}
          value={values.message}
          onInput={(e) => set({ message: e.currentTarget.value })}
          {...described('message', errors.message)}
        />
      </Field>
      <section class="consent" id="consent" aria-labelledby="consent-title">
        <h2 id="consent-title">{s['consent.legend']}</h2>
        {props.consentText.map((p) => (
          <p>{p}</p>
        ))}
        <div class={`field${errors.consent ? ' invalid' : ''}`} id="field-consent">
          {errors.consent && (
            <span class="error" id="consent-error">
              {errors.consent}
            </span>
          )}
          <div class="choice">
            <input
              type="checkbox"
              name="consent"
              id="consent-box"
              value="yes"
              required
              checked={values.consent}
              onChange={(e) => set({ consent: e.currentTarget.checked })}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'consent-error' : undefined}
            />
            <label for="consent-box">{s[props.forClient ? 'consent.agreeForClient' : 'consent.agree']}</label>
          </div>
        </div>
      </section>
      <button class="button primary" type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? s.sending : s.submit}
      </button>
    </form>
  );
}

function Group(p: {
  id: string;
  legend: string | undefined;
  hint?: string | undefined;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <fieldset id={`field-${p.id}`} class={p.error ? 'invalid' : undefined} aria-describedby={p.error ? `${p.id}-error` : undefined}>
      <legend>{p.legend}</legend>
      {p.hint && <p class="hint">{p.hint}</p>}
      {p.error && (
        <span class="error" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      {p.children}
    </fieldset>
  );
}
