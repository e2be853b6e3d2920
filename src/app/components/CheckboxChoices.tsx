/** A checkbox per option; the chosen values come back in the options' order. Used by every multiple-choice field. */
import type { ComponentChildren } from 'preact';

/** One checkbox: its value, its label, and whether it may be changed here. */
export type CheckboxOption<V extends string> = { value: V; label: ComponentChildren; locked?: boolean };

type Props<V extends string> = {
  options: readonly CheckboxOption<V>[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
  /** The first box gets this id, so an error summary link can focus the group. */
  firstId?: string;
  name?: string;
  invalid?: boolean;
  /** Layout of the group and of each labelled box (44 px touch targets by default). */
  class?: string;
  choiceClass?: string;
};

/** The boxes; the caller wraps them in a fieldset with its legend, hint and error. */
export function CheckboxChoices<V extends string>({ options, selected, onChange, firstId, name, invalid, class: cls = 'form-choices', choiceClass = 'form-choice' }: Props<V>) {
  return (
    <div class={cls}>
      {options.map((o, i) => (
        <label key={o.value} class={`ds-label ${choiceClass}`} data-weight="regular">
          <input
            class="ds-input"
            type="checkbox"
            id={i === 0 ? firstId : undefined}
            name={name}
            value={o.value}
            checked={selected.includes(o.value)}
            disabled={o.locked}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              onChange(options.map((x) => x.value).filter((v) => (v === o.value ? on : selected.includes(v))));
            }}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
