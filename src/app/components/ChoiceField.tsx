/** A small set of choices as radios in a fieldset with a legend, with the error message under them. */

type Props = {
  /** The first radio gets this id, so an error summary link can focus the group. */
  id: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  /** A line under the legend saying what the choice means. */
  hint?: string;
  error?: string;
};

/** Radios laid out in a row when they fit; each label is a 44 px touch target. */
export function ChoiceField({ id, name, legend, options, value, onChange, hint, error }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="ds-fieldset form-field" aria-describedby={describedBy}>
      <legend class="ds-label">{legend}</legend>
      {hint && <p class="form-hint" id={hintId} data-field="description">{hint}</p>}
      <div class="form-choices">
        {options.map((o, i) => (
          <label key={o.value} class="ds-label form-choice" data-weight="regular">
            <input
              class="ds-input"
              type="radio"
              id={i === 0 ? id : undefined}
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-invalid={error ? true : undefined}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && <p class="ds-validation-message" id={errorId} data-field="validation">{error}</p>}
    </fieldset>
  );
}
