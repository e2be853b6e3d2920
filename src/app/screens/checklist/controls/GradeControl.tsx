/** Condition grade (TG0–TG3, TGIU) as large buttons: radios styled as tiles, so arrow keys and screen readers work. */
import type { Grade } from '../../../../core/checklist/template';
import type { ControlOption } from '../controlFor';
import type { ControlProps } from './ControlProps';
import { useLocal } from '../../../i18n/language';

/** The grade tiles; each shows the code and what it means. */
export function GradeControl(props: ControlProps<Grade> & { options: ControlOption<Grade>[] }) {
  const local = useLocal();
  const { options, value, onChange, name, inputId, invalid, required } = props;
  return (
    <div class="cl-grades">
      {options.map((o, i) => (
        <label key={o.value} class="cl-grade" data-grade={o.value}>
          <input
            class="cl-grade-input"
            type="radio"
            id={i === 0 ? inputId : undefined}
            name={name}
            value={o.value}
            checked={value === o.value}
            aria-invalid={invalid || undefined}
            required={required && i === 0}
            onChange={() => onChange(o.value)}
          />
          <span class="cl-grade-code">{local(o.label)}</span>
          {o.description && <span class="cl-grade-text">{local(o.description)}</span>}
        </label>
      ))}
    </div>
  );
}
