/** The item ids of each inspected bedroom, which the escape-window and bedroom rules read. */
import { MAX_INSPECTED_BEDROOMS } from '../../checklist/templates/dwellingInspection';

export const WINDOW_FIELDS = ['windowWidthM', 'windowHeightM', 'sillHeightM', 'dropToGroundM'] as const;
/** Item ids per bedroom slot (index 1–6), built once instead of for every dwelling. */
export const BEDROOM_IDS = Array.from({ length: MAX_INSPECTED_BEDROOMS + 1 }, (_, i) => ({
  windowType: `bedroom${i}.windowType`,
  window: WINDOW_FIELDS.map((f) => `bedroom${i}.${f}`),
  ceiling: `bedroom${i}.ceilingHeightM`,
  opens: `bedroom${i}.openableWindow`,
}));
