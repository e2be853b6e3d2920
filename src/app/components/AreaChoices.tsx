/** The Melhus areas as checkboxes, for the places a household would like to live. */
import { MELHUS_AREAS, type MelhusArea } from '../../core/schemas/place';
import { CheckboxChoices } from './CheckboxChoices';

const OPTIONS = MELHUS_AREAS.map((area) => ({ value: area, label: area }));

/**
 * One checkbox per area, each label a 44 px touch target; the caller wraps them in a fieldset with its legend.
 * The chosen areas come back in the list's order.
 */
export function AreaChoices({ selected, onChange }: { selected: readonly string[]; onChange: (next: MelhusArea[]) => void }) {
  return <CheckboxChoices options={OPTIONS} selected={selected as readonly MelhusArea[]} onChange={onChange} />;
}
