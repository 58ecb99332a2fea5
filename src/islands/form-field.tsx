/** Pieces the islands' forms share: a labelled field with hint and error, the error summary. */
import type { ComponentChildren, JSX, RefObject } from 'preact';

/** The ARIA wiring of an input inside a Field: hint always, error when there is one. */
export function described(id: string, error: string | undefined) {
  return { 'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}`, 'aria-invalid': error ? true : undefined };
}

export function Field(p: {
  id: string;
  label: string | undefined;
  hint?: string | undefined;
  error: string | undefined;
  children: JSX.Element;
}) {
  return (
    <div class={`field${p.error ? ' invalid' : ''}`}>
      <label for={`field-${p.id}`}>{p.label}</label>
      <span class="hint" id={`${p.id}-hint`}>
        {p.hint ?? ''}
      </span>
      {p.error && (
        <span class="error" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      {p.children}
    </div>
  );
}

/**
 * The summary at the top of a form: a notice alone, or the title and a link to each field with a
 * problem. It takes focus (through `summary`) so that screen readers hear it first.
 */
export function ErrorSummary(p: {
  title: string | undefined;
  notice: string | null;
  errors: Record<string, string>;
  summary: RefObject<HTMLDivElement>;
  children?: ComponentChildren;
}) {
  const list = Object.entries(p.errors);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={p.summary} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{p.notice && list.length === 0 ? p.notice : p.title}</h2>
      {list.length > 0 && (
        <ul>
          {list.map(([field, message]) => (
            <li>
              <a href={`#field-${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
      {p.children}
    </div>
  );
}
