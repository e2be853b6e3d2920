/** Multiple choice: a checkbox per option; the answer is the list of chosen option values in template order. */
import type { ControlOption } from '../controlFor';
import type { ControlProps } from './ControlProps';
import { useLocal } from '../../../i18n/language';

/** A checkbox group. Unticking the last box clears the answer rather than saving an empty list. */
export function CheckboxesControl(props: ControlProps<string[]> & { options: ControlOption<string>[] }) {
  const local = useLocal();
  const { options, value = [], onChange, name, inputId, invalid } = props;
  const toggle = (v: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((x) => (x === v ? on : value.includes(x)));
    onChange(next.length ? next : undefined);
  };
  return (
    <div class="cl-options">
      {options.map((o, i) => (
        <label key={o.value} class="ds-label cl-option" data-weight="regular">
          <input
            class="ds-input"
            type="checkbox"
            id={i === 0 ? inputId : undefined}
            name={name}
            value={o.value}
            checked={value.includes(o.value)}
            aria-invalid={invalid || undefined}
            onChange={(e) => toggle(o.value, e.currentTarget.checked)}
          />
          {local(o.label)}
        </label>
      ))}
    </div>
  );
}
