/** Yes/no and single choice: one radio per option, large enough to hit with a gloved thumb. */
import type { ControlOption } from '../controlFor';
import type { ControlProps } from './ControlProps';
import { useLocal } from '../../../i18n/language';

/** A radio group; option values may be strings or booleans (yes/no). */
export function RadioControl(props: ControlProps<string | boolean> & { options: ControlOption<string | boolean>[] }) {
  const local = useLocal();
  const { options, value, onChange, name, inputId, invalid, required } = props;
  return (
    <div class="cl-options" role="presentation">
      {options.map((o, i) => (
        <label key={String(o.value)} class="ds-label cl-option" data-weight="regular">
          <input
            class="ds-input"
            type="radio"
            id={i === 0 ? inputId : undefined}
            name={name}
            value={String(o.value)}
            checked={value === o.value}
            aria-invalid={invalid || undefined}
            required={required && i === 0}
            onChange={() => onChange(o.value)}
          />
          {local(o.label)}
        </label>
      ))}
    </div>
  );
}
