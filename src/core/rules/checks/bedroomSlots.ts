/**
 * The bedrooms of a dwelling inspection as the escape-window and bedroom rules read them, whichever template version
 * it was filled in: version 1 asks a count and up to six numbered bedroom slots, version 2 has room entries of type
 * bedroom ("Rom").
 */
import { MAX_INSPECTED_BEDROOMS } from '../../checklist/templates/dwellingInspection';
import type { LocalText } from '../../text';
import { Gaps, both, entryItemLabel, numberOf, read, readInEntry, readRepeat, type Read, type RuleContext } from './ruleCheck';

export const WINDOW_FIELDS = ['windowWidthM', 'windowHeightM', 'sillHeightM', 'dropToGroundM'] as const;
/** Item ids per bedroom slot of version 1 (index 1–6), built once instead of for every dwelling. */
export const BEDROOM_IDS = Array.from({ length: MAX_INSPECTED_BEDROOMS + 1 }, (_, i) => ({
  windowType: `bedroom${i}.windowType`,
  window: WINDOW_FIELDS.map((f) => `bedroom${i}.${f}`),
  ceiling: `bedroom${i}.ceilingHeightM`,
  opens: `bedroom${i}.openableWindow`,
}));

/** The fields of one bedroom the rules read. */
export type BedroomField = 'ceilingHeightM' | 'openableWindow' | 'windowType' | (typeof WINDOW_FIELDS)[number];

/** One bedroom: its name in a reason ("soverom 2"), and its answers, each noted as a gap when it cannot be read. */
export type Bedroom = { name: LocalText; read(field: BedroomField): Read; gap(r: Read, field: BedroomField): void };

/** The room entries' repeat group in version 2. */
export const ROOMS = 'rooms.list';

/**
 * The bedrooms of the filled inspection, or undefined when they cannot be told yet (the count, or a room's type, is
 * not answered: noted in `gaps`). `ids` collects the items read.
 */
export function bedroomsOf(ctx: RuleContext, templateId: string, gaps: Gaps, ids: string[]): Bedroom[] | undefined {
  const rooms = readRepeat(ctx, templateId, ROOMS);
  if (rooms.state === 'entries' || rooms.state === 'hidden') {
    ids.push(ROOMS);
    if (rooms.state === 'hidden') return [];
    const bedrooms: Bedroom[] = [];
    let unknown = false;
    for (const e of rooms.entries) {
      const type = readInEntry(rooms.repeat, e.view, 'type');
      if (type.state !== 'answered') {
        unknown = true;
        gaps.addInEntry(type, templateId, ROOMS, entryItemLabel(rooms.repeat, both(`Rom ${e.index + 1}`, `Room ${e.index + 1}`), 'type'));
        continue;
      }
      if (type.value !== 'bedroom') continue;
      const n = bedrooms.length + 1;
      const name = both(`soverom ${n}`, `bedroom ${n}`);
      const repeat = rooms.repeat;
      bedrooms.push({
        name,
        read: (field) => readInEntry(repeat, e.view, field),
        gap: (r, field) => gaps.addInEntry(r, templateId, ROOMS, entryItemLabel(repeat, both(`Soverom ${n}`, `Bedroom ${n}`), field)),
      });
    }
    return unknown ? undefined : bedrooms;
  }
  ids.push('bedrooms.count');
  const countRead = read(ctx, templateId, 'bedrooms.count');
  const count = numberOf(countRead);
  if (count === undefined) {
    gaps.add(countRead, templateId, 'bedrooms.count');
    return undefined;
  }
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_INSPECTED_BEDROOMS);
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const id = (field: BedroomField) => `bedroom${i}.${field}`;
    return {
      name: both(`soverom ${i}`, `bedroom ${i}`),
      read: (field: BedroomField) => {
        ids.push(id(field));
        return read(ctx, templateId, id(field));
      },
      gap: (r: Read, field: BedroomField) => gaps.add(r, templateId, id(field)),
    };
  });
}
