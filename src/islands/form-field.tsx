/** A labelled form field with its hint and error, shared by the islands' forms. */
import type { JSX } from 'preact';

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
