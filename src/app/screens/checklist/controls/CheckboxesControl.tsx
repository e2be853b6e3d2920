/** Multiple choice: a checkbox per option; the answer is the list of chosen option values in template order. */
import type { ControlOption } from '../controlFor';
import type { ControlProps } from './ControlProps';
import { CheckboxChoices } from '../../../components/CheckboxChoices';
import { useLocal } from '../../../i18n/language';

/** A checkbox group. Unticking the last box clears the answer rather than saving an empty list. */
export function CheckboxesControl(props: ControlProps<string[]> & { options: ControlOption<string>[] }) {
  const local = useLocal();
  const { options, value = [], onChange, name, inputId, invalid } = props;
  return (
    <CheckboxChoices
      class="cl-options"
      choiceClass="cl-option"
      options={options.map((o) => ({ value: o.value, label: local(o.label) }))}
      selected={value}
      firstId={inputId}
      name={name}
      invalid={invalid}
      onChange={(next) => onChange(next.length ? next : undefined)}
    />
  );
}
