/** A labelled form field: label, optional hint, the input, and its error message tied to the input for screen readers. */
import type { ComponentChildren } from 'preact';

type Props = {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
  /** Renders the input; receives the ids its aria-describedby must name and whether it is invalid. */
  children: (a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ComponentChildren;
};

/** The ids of a field's hint and error: `<id>-hint`, `<id>-error`. */
export function describedByFor(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** One field in Designsystemet's `ds-field` layout; the error sits right under the input it is about. */
export function FormField({ id, label, hint, error, children }: Props) {
  const describedBy = describedByFor(id, hint, error);
  return (
    <div class="ds-field form-field">
      <label class="ds-label" for={id}>{label}</label>
      {hint && <p class="form-hint" id={`${id}-hint`} data-field="description">{hint}</p>}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true as const } : {}) })}
      {error && <p class="ds-validation-message" id={`${id}-error`} data-field="validation">{error}</p>}
    </div>
  );
}
