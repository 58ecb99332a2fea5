/**
 * The booking flow: service, place, time, details. Rendered on the server as plain HTML forms
 * that work without JavaScript (every step is a GET, the last a POST); in the browser the same
 * markup is hydrated and the steps run without page loads, times come from /api/availability and
 * the booking goes to /api/appointments.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { currentStep, dayOf, fill, freeDays } from './booking-steps';
import type { BookingProps, BookingStep, BookingValues, SlotOption } from './booking-types';
import { described, ErrorSummary, Field } from './form-field';

type Errors = BookingProps['errors'];

export default function BookingFlow(props: BookingProps) {
  const { strings: s, lang } = props;
  const [values, setValues] = useState<BookingValues>(props.values);
  const [slots, setSlots] = useState<SlotOption[] | null>(props.slots);
  const [errors, setErrors] = useState<Errors>(props.errors);
  const [notice, setNotice] = useState<string | null>(props.notice);
  const [next, setNext] = useState<SlotOption[]>(props.next);
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const step = currentStep(values);
  const service = props.services.find((x) => x.id === values.service);
  const location = props.locations.find((x) => x.id === values.location);
  const dateFormat = new Intl.DateTimeFormat(props.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Berlin' });
  const timeFormat = new Intl.DateTimeFormat(props.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
  const shortDayFormat = new Intl.DateTimeFormat(props.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'Europe/Berlin',
  });
  const formatDay = (day: string) => dateFormat.format(new Date(`${day}T12:00:00Z`));
  const formatShortDay = (day: string) => shortDayFormat.format(new Date(`${day}T12:00:00Z`));
  const formatTime = (iso: string) => timeFormat.format(new Date(iso));
  const freeText = (n: number) =>
    fill(props.freeForms[new Intl.PluralRules(props.locale).select(n)] ?? props.freeForms.other ?? '', { count: n });

  useEffect(() => setHydrated(true), []);
  // After a step change or an error, move focus where a screen reader user needs to be.
  useEffect(() => {
    if (!hydrated) return;
    (Object.keys(errors).length > 0 || notice ? summary.current : heading.current)?.focus();
  }, [step, errors, notice]);

  const query = (v: Partial<BookingValues>) => {
    const q = new URLSearchParams();
    for (const key of ['service', 'location', 'day', 'start'] as const) if (v[key]) q.set(key, String(v[key]));
    if (v.persons && v.persons > 1) q.set('persons', String(v.persons));
    for (const [question, answer] of Object.entries(values.checklist)) q.set(question, answer);
    const text = q.toString();
    return `${props.action}${text ? `?${text}` : ''}`;
  };

  function go(change: Partial<BookingValues>) {
    const updated = { ...values, ...change };
    setValues(updated);
    setErrors({});
    setNotice(null);
    history.pushState(null, '', query(updated));
    if ((change.location || change.persons) && updated.service && updated.location) void loadSlots(updated);
  }

  async function loadSlots(v: BookingValues) {
    setSlots(null);
    const today = new Date().toISOString().slice(0, 10);
    try {
      const res = await fetch(
        `/api/availability?service=${v.service}&location=${v.location}&from=${today}&days=120&persons=${v.persons}&lang=${lang}`,
      );
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { slots: SlotOption[] };
      setSlots(body.slots);
    } catch {
      setSlots([]);
      setNotice(s['errors.network'] ?? '');
    }
  }

  function onStepSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '');
    if (step === 1)
      return field('service')
        ? go({ service: field('service'), location: '', start: '' })
        : setErrors({ service: s['errors.service'] ?? '' });
    if (step === 2)
      return field('location')
        ? go({ location: field('location'), start: '', day: '' })
        : setErrors({ location: s['errors.location'] ?? '' });
    if (step === 3)
      return field('start') ? go({ start: field('start'), day: dayOf(field('start')) }) : setErrors({ start: s['errors.start'] ?? '' });
  }

  async function onBook(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const body = {
      service: values.service,
      location: values.location,
      start: values.start,
      persons: values.persons,
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      phone: String(data.get('phone') ?? ''),
      language: String(data.get('language') ?? lang),
      needs: data.getAll('needs').map(String),
      checklist: values.checklist,
      website: String(data.get('website') ?? ''),
      ...(props.forClient ? { forClient: true, consent: data.get('consent') === 'yes' } : {}),
    };
    setValues({ ...values, ...body });
    setBusy(true);
    setNotice(null);
    try {
      const res = await fetch('/api/appointments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as {
        manageUrl?: string;
        error?: { code: string; message?: string; fields?: Errors };
        next?: SlotOption[];
      };
      if (res.status === 201 && answer.manageUrl) {
        const url = new URL(answer.manageUrl, window.location.href);
        window.location.assign(`${url.pathname}${url.search}&booked=1`);
        return;
      }
      if (answer.error?.code === 'taken') {
        setValues({ ...values, ...body, start: '' });
        setNext(answer.next ?? []);
        void loadSlots({ ...values, ...body, start: '' });
      }
      setErrors(answer.error?.fields ?? {});
      setNotice(answer.error?.fields ? null : (answer.error?.message ?? s['errors.unavailable'] ?? ''));
    } catch {
      setNotice(s['errors.network'] ?? '');
    } finally {
      setBusy(false);
    }
  }

  const back = (target: BookingStep) => (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (target === 1) go({ service: '', location: '', start: '', day: '' });
    if (target === 2) go({ location: '', start: '', day: '' });
    if (target === 3) go({ start: '' });
  };

  const stepNames = [s['steps.service'], s['steps.location'], s['steps.time'], s['steps.details']];
  const errorList = Object.entries(errors).filter(([, message]) => message);

  return (
    <div class="booking">
      <p class="progress-text">{fill(s.progress ?? '', { current: step, total: 4 })}</p>
      <ol class="progress">
        {stepNames.map((name, i) => (
          <li aria-current={i + 1 === step ? 'step' : undefined} class={i + 1 < step ? 'done' : undefined}>
            {name}
          </li>
        ))}
      </ol>

      {(errorList.length > 0 || notice) && (
        <ErrorSummary title={s['errors.title']} notice={notice} errors={errors} summary={summary}>
          {next.length > 0 && (
            <>
              <p>{s['errors.nextFree']}</p>
              <ul class="next-free">
                {next.map((slot) => (
                  <li>
                    <a
                      href={query({ ...values, day: dayOf(slot.start), start: slot.start })}
                      onClick={(e) => (e.preventDefault(), go({ start: slot.start, day: dayOf(slot.start) }), setNext([]))}
                    >
                      {formatDay(dayOf(slot.start))}, {formatTime(slot.start)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </ErrorSummary>
      )}

      {step > 1 && (
        <dl class="chosen" aria-label={s['chosen.title']}>
          <div>
            <dt>{s['steps.service']}</dt>
            <dd>
              {service?.name}{' '}
              <a href={query({})} onClick={back(1)}>
                {s['chosen.change']}
              </a>
            </dd>
          </div>
          {step > 2 && (
            <div>
              <dt>{s['steps.location']}</dt>
              <dd>
                {location?.name}{' '}
                <a href={query({ service: values.service })} onClick={back(2)}>
                  {s['chosen.change']}
                </a>
              </dd>
            </div>
          )}
          {step > 3 && (
            <div>
              <dt>{s['steps.time']}</dt>
              <dd>
                {formatDay(dayOf(values.start))}, {formatTime(values.start)}{' '}
                <a href={query({ service: values.service, location: values.location, persons: values.persons })} onClick={back(3)}>
                  {s['chosen.change']}
                </a>
              </dd>
            </div>
          )}
        </dl>
      )}

      {step > 1 && service && (
        <p>
          <a href={`/${lang}/checklist/${service.id}/`}>{s['service.info']}</a>
        </p>
      )}

      {step === 1 && (
        <form method="get" action={props.action} onSubmit={onStepSubmit} noValidate>
          <fieldset id="field-service">
            <legend>
              <h2 tabIndex={-1} ref={heading}>
                {s['service.legend']}
              </h2>
            </legend>
            {props.services.map((x) => (
              <RadioOption name="service" value={x.id} checked={values.service === x.id} label={x.name}>
                {fill(s['service.minutes'] ?? '', { count: x.minutes })}
              </RadioOption>
            ))}
          </fieldset>
          <button class="button primary" type="submit">
            {s.next}
          </button>
        </form>
      )}

      {step === 2 && service && (
        <form method="get" action={props.action} onSubmit={onStepSubmit} noValidate>
          <input type="hidden" name="service" value={values.service} />
          <fieldset id="field-location">
            <legend>
              <h2 tabIndex={-1} ref={heading}>
                {s['location.legend']}
              </h2>
            </legend>
            {props.locations
              .filter((l) => service.locationIds.includes(l.id))
              .map((l) => (
                <RadioOption name="location" value={l.id} checked={values.location === l.id} label={l.name}>
                  <bdi>{l.address}</bdi> · {l.stepFree ? s['location.stepFree'] : s['location.notStepFree']}
                </RadioOption>
              ))}
          </fieldset>
          <button class="button primary" type="submit">
            {s.next}
          </button>
        </form>
      )}

      {step === 3 && service && (
        <TimeStep {...{ props, values, slots, heading, query, go, onStepSubmit, formatDay, formatShortDay, formatTime, freeText }} />
      )}

      {step === 4 && (
        <form method="post" action={query(values)} onSubmit={onBook} noValidate>
          <input type="hidden" name="service" value={values.service} />
          <input type="hidden" name="location" value={values.location} />
          <input type="hidden" name="start" value={values.start} />
          <input type="hidden" name="persons" value={String(values.persons)} />
          {Object.entries(values.checklist).map(([question, answer]) => (
            <input type="hidden" name={question} value={answer} />
          ))}
          <h2 tabIndex={-1} ref={heading}>
            {s[props.forClient ? 'forClient.legend' : 'details.legend']}
          </h2>
          {props.forClient && <p class="notice">{s['forClient.notice']}</p>}
          <Field id="name" label={s[props.forClient ? 'forClient.name' : 'details.name']} hint={s['details.nameHint']} error={errors.name}>
            <input
              id="field-name"
              name="name"
              type="text"
              autoComplete="name"
              required
              maxLength={120}
              value={values.name}
              {...described('name', errors.name)}
            />
          </Field>
          <Field
            id="email"
            label={s[props.forClient ? 'forClient.email' : 'details.email']}
            hint={s[props.forClient ? 'forClient.emailHint' : 'details.emailHint']}
            error={errors.email}
          >
            <input
              id="field-email"
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              required={!props.forClient}
              maxLength={254}
              dir="ltr"
              value={values.email}
              {...described('email', errors.email)}
            />
          </Field>
          <Field id="phone" label={s['details.phone']} hint={s['details.phoneHint']} error={errors.phone}>
            <input
              id="field-phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              maxLength={30}
              dir="ltr"
              value={values.phone}
              {...described('phone', errors.phone)}
            />
          </Field>
          <Field id="language" label={s[props.forClient ? 'forClient.language' : 'details.language']} error={errors.language}>
            <select id="field-language" name="language" {...described('language', errors.language)}>
              {props.languages.map((l) => (
                <option value={l.code} lang={l.tag} selected={values.language === l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset id="field-needs">
            <legend>{s['details.needs']}</legend>
            {['interpreter', 'step_free', 'more_time'].map((need) => (
              <div class="choice">
                <input type="checkbox" name="needs" id={`need-${need}`} value={need} checked={values.needs.includes(need)} />
                <label for={`need-${need}`}>{s[`needs.${need}`]}</label>
              </div>
            ))}
          </fieldset>
          {props.forClient && (
            <div class={`field${errors.consent ? ' invalid' : ''}`} id="field-consent">
              {errors.consent && <span class="error">{errors.consent}</span>}
              <div class="choice">
                <input type="checkbox" name="consent" id="consent" value="yes" required aria-invalid={errors.consent ? true : undefined} />
                <label for="consent">{s['forClient.consent']}</label>
              </div>
            </div>
          )}
          <div class="honeypot" aria-hidden="true">
            <label for="website">{s['details.honeypot']}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <p class="hint">
            {s['details.privacy']} <a href={props.privacyUrl}>{s['details.privacyLink']}</a>
          </p>
          <button class="button primary" type="submit" disabled={busy} aria-disabled={busy}>
            {busy ? s.submitting : s['details.submit']}
          </button>
        </form>
      )}
    </div>
  );
}

/** One choice of a step (a service, a place): a radio button with its name and a hint. */
function RadioOption(p: { name: string; value: string; checked: boolean; label: string | undefined; children: ComponentChildren }) {
  const id = `${p.name}-${p.value}`;
  return (
    <div class="choice">
      <input type="radio" name={p.name} id={id} value={p.value} checked={p.checked} aria-describedby={`${id}-hint`} />
      <label for={id}>
        {p.label}
        <span class="hint" id={`${id}-hint`}>
          {p.children}
        </span>
      </label>
    </div>
  );
}

interface TimeStepProps {
  props: BookingProps;
  values: BookingValues;
  slots: SlotOption[] | null;
  heading: { current: HTMLHeadingElement | null };
  query: (v: Partial<BookingValues>) => string;
  go: (change: Partial<BookingValues>) => void;
  onStepSubmit: (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => void;
  formatDay: (day: string) => string;
  formatShortDay: (day: string) => string;
  formatTime: (iso: string) => string;
  freeText: (n: number) => string;
}

function TimeStep({
  props,
  values,
  slots,
  heading,
  query,
  go,
  onStepSubmit,
  formatDay,
  formatShortDay,
  formatTime,
  freeText,
}: TimeStepProps) {
  const s = props.strings;
  const days = slots ? freeDays(slots) : [];
  const day = days.includes(values.day) ? values.day : days[0];
  const times = (slots ?? []).filter((x) => dayOf(x.start) === day);
  return (
    <div>
      <h2 tabIndex={-1} ref={heading}>
        {s['time.legend']}
      </h2>
      <form
        method="get"
        action={props.action}
        class="persons"
        onSubmit={(e) => (e.preventDefault(), go({ persons: Number(new FormData(e.currentTarget).get('persons')) }))}
      >
        <input type="hidden" name="service" value={values.service} />
        <input type="hidden" name="location" value={values.location} />
        <label for="field-persons">{s['details.persons']}</label>
        <span class="hint" id="persons-hint">
          {s['details.personsHint']}
        </span>
        <div class="inline">
          <select
            id="field-persons"
            name="persons"
            aria-describedby="persons-hint"
            onChange={(e) => go({ persons: Number(e.currentTarget.value), start: '' })}
          >
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option value={String(n)} selected={values.persons === n}>
                {n}
              </option>
            ))}
          </select>
          <noscript>
            <button class="button" type="submit">
              {s.next}
            </button>
          </noscript>
        </div>
      </form>
      {slots === null && <p aria-live="polite">{s['time.loading']}</p>}
      {slots !== null && days.length === 0 && <Waitlist props={props} values={values} />}
      {days.length > 0 && day && (
        <>
          <h3>{s['time.days']}</h3>
          <ul class="days">
            {days.map((d) => (
              <li>
                <a
                  href={query({ ...values, day: d, start: '' })}
                  aria-current={d === day ? 'date' : undefined}
                  aria-label={formatDay(d)}
                  onClick={(e) => (e.preventDefault(), go({ day: d }))}
                >
                  {formatShortDay(d)}
                </a>
              </li>
            ))}
          </ul>
          <form method="get" action={props.action} onSubmit={onStepSubmit} noValidate>
            <input type="hidden" name="service" value={values.service} />
            <input type="hidden" name="location" value={values.location} />
            <input type="hidden" name="persons" value={String(values.persons)} />
            <fieldset id="field-start">
              <legend>{fill(s['time.times'] ?? '', { day: formatDay(day) })}</legend>
              <div class="times">
                {times.map((slot) => (
                  <div class="choice time">
                    <input type="radio" name="start" id={`start-${slot.start}`} value={slot.start} checked={values.start === slot.start} />
                    <label for={`start-${slot.start}`}>
                      <span class="ltr">{formatTime(slot.start)}</span>
                      <span class="hint">{freeText(slot.capacityLeft)}</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button class="button primary" type="submit">
              {s.next}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

function Waitlist({ props, values }: { props: BookingProps; values: BookingValues }) {
  const s = props.strings;
  const [state, setState] = useState<'idle' | 'added' | 'already' | 'error'>('idle');
  async function join(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    try {
      const res = await fetch('/api/waitlist', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ service: values.service, location: values.location, email, language: props.lang }),
      });
      setState(res.status === 201 ? 'added' : res.status === 200 ? 'already' : 'error');
    } catch {
      setState('error');
    }
  }
  return (
    <div class="waitlist">
      <p>{s['time.none']}</p>
      <h3>{s['waitlist.legend']}</h3>
      <p>{s['waitlist.text']}</p>
      {state === 'added' || state === 'already' ? (
        <p role="status">{s[`waitlist.${state}`]}</p>
      ) : (
        <form method="post" action={`${props.action}waitlist/`} onSubmit={join}>
          <input type="hidden" name="service" value={values.service} />
          <input type="hidden" name="location" value={values.location} />
          {state === 'error' && (
            <p class="error" role="alert">
              {s['errors.email']}
            </p>
          )}
          <label for="waitlist-email">{s['waitlist.email']}</label>
          <input id="waitlist-email" name="email" type="email" autoComplete="email" dir="ltr" required maxLength={254} />
          <button class="button primary" type="submit">
            {s['waitlist.submit']}
          </button>
        </form>
      )}
    </div>
  );
}
