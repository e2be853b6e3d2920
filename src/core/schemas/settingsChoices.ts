/**
 * Whether the areas and units a record names are the municipality's: a dwelling's area, a household's preferred
 * areas, a task's owner unit, the units a consent names and a person's units must be ids the settings list. Only
 * values a write brings in are judged: a value the record already held stays valid after its area or unit is removed
 * from the settings (the record keeps the id and screens show it as stored), so old records remain editable.
 * Before an administrator has saved the settings there is nothing to check against: values are taken as they come
 * (records made then keep working), and from the first save on every new value is checked.
 */
import type { EntityName } from '../entities';
import { bilingual } from './bilingual';
import type { Settings } from './settings';

type Data = Record<string, unknown>;

/** A field whose value must be one of the settings' areas or units. */
type ChoiceField = {
  /** Where the value sits in the record (the path). */
  path: string[];
  kind: 'area' | 'unit';
  label: { nb: string; en: string };
  /** The ids the field holds in a record (none when absent or not of the right shape; the schema judges shape). */
  ids: (data: Data | null) => string[];
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const obj = (v: unknown): Data | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : null);

/** The fields of each entity that name an area or a unit. */
const CHOICE_FIELDS: Partial<Record<EntityName, ChoiceField[]>> = {
  dwelling: [{ path: ['area'], kind: 'area', label: { nb: 'Område', en: 'Area' }, ids: (d) => strings(d?.area) }],
  household: [
    { path: ['preferredAreas'], kind: 'area', label: { nb: 'Ønskede områder', en: 'Preferred areas' }, ids: (d) => strings(d?.preferredAreas) },
    {
      path: ['consent', 'scope'],
      kind: 'unit',
      label: { nb: 'Samtykke: enheter som får se opplysninger', en: 'Consent: units that may see information' },
      ids: (d) => Object.keys(obj(obj(d?.consent)?.scope) ?? {}),
    },
  ],
  task: [{ path: ['ownerUnit'], kind: 'unit', label: { nb: 'Ansvarlig enhet', en: 'Owner unit' }, ids: (d) => strings(d?.ownerUnit) }],
};

/** One value that is not among the settings' choices: where, which, and what to write instead, in both languages. */
export type UnknownChoice = { path: (string | number)[]; message: string };

/** How many names the message lists before "…". */
const LISTED = 12;

function choices(settings: Settings, kind: 'area' | 'unit'): { id: string; name: string }[] {
  return kind === 'area' ? settings.areas : settings.units;
}

/** The message for `id` in `label` that the settings do not list. */
export function unknownChoiceMessage(settings: Settings, kind: 'area' | 'unit', label: { nb: string; en: string }, id: string): string {
  const list = choices(settings, kind);
  const what = kind === 'area' ? { nb: 'området', en: 'the area' } : { nb: 'enheten', en: 'the unit' };
  const names = list.slice(0, LISTED).map((c) => c.name).join(', ') + (list.length > LISTED ? ', …' : '');
  return bilingual(
    `${label.nb}: ${what.nb} med ID «${id}» finnes ikke i innstillingene for kommunen. Velg en av: ${names}.`,
    `${label.en}: ${what.en} with id "${id}" is not in the municipality settings. Choose one of: ${names}.`,
  );
}

/**
 * The first area or unit `after` brings in that the settings do not list, or null when every one is listed (or the
 * entity names none, or there are no settings yet). `before` is the record as stored (null when creating): ids it
 * already held are not judged.
 */
export function unknownChoice(entity: EntityName, before: Data | null, after: Data | null, settings: Settings | null): UnknownChoice | null {
  if (!after || !settings) return null;
  for (const field of CHOICE_FIELDS[entity] ?? []) {
    const held = new Set(field.ids(before));
    const known = new Set(choices(settings, field.kind).map((c) => c.id));
    for (const id of field.ids(after)) {
      if (held.has(id) || known.has(id)) continue;
      // A consent's scope is keyed by unit: the issue points at the key.
      const path = field.path.join('.') === 'consent.scope' ? [...field.path, id] : field.path;
      return { path, message: unknownChoiceMessage(settings, field.kind, field.label, id) };
    }
  }
  return null;
}

/** The units of `units` that the settings do not list and `held` does not already hold (a person's units); none without settings. */
export function unknownUnits(settings: Settings | null, units: readonly string[], held: readonly string[] = []): string[] {
  if (!settings) return [];
  const known = new Set(choices(settings, 'unit').map((u) => u.id));
  return units.filter((u) => !known.has(u) && !held.includes(u));
}
