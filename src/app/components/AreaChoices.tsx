/** The Melhus areas as checkboxes, for the places a household would like to live. */
import { MELHUS_AREAS, type MelhusArea } from '../../core/schemas/place';

/**
 * One checkbox per area, each label a 44 px touch target; the caller wraps them in a fieldset with its legend.
 * The chosen areas come back in the list's order.
 */
export function AreaChoices({ selected, onChange }: { selected: readonly string[]; onChange: (next: MelhusArea[]) => void }) {
  return (
    <div class="form-choices">
      {MELHUS_AREAS.map((area) => (
        <label key={area} class="ds-label form-choice" data-weight="regular">
          <input
            class="ds-input"
            type="checkbox"
            checked={selected.includes(area)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              onChange(MELHUS_AREAS.filter((a) => (a === area ? on : selected.includes(a))));
            }}
          />
          {area}
        </label>
      ))}
    </div>
  );
}
