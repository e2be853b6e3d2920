/** A date answer, stored as `YYYY-MM-DD` (the browser's date picker shows it in the person's own format). */
import type { ControlProps } from './ControlProps';

/** A native date input: it brings the platform's calendar and screen-reader support. */
export function DateControl({ inputId, value, onChange, describedBy, invalid, required }: ControlProps<string>) {
  return (
    <input
      class="ds-input cl-date"
      type="date"
      id={inputId}
      value={value ?? ''}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
    />
  );
}
