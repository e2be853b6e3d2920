/** The municipality's areas (from its settings) as checkboxes, for the places a household would like to live. */
import { areaOptions, useSettings } from '../store/useSettings';
import { CheckboxChoices } from './CheckboxChoices';

/**
 * One checkbox per area, each label a 44 px touch target; the caller wraps them in a fieldset with its legend.
 * The chosen areas (their ids) come back in the settings' order; an id the settings no longer list stays shown.
 */
export function AreaChoices({ selected, onChange }: { selected: readonly string[]; onChange: (next: string[]) => void }) {
  const settings = useSettings();
  return <CheckboxChoices options={areaOptions(settings, selected)} selected={selected} onChange={onChange} />;
}
