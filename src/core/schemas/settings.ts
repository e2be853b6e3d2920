/**
 * The installation's settings: the municipality, its areas and units, the rule set in force and the inspection
 * intervals. One synced record (entity `settings`, id SETTINGS_ID) that only administrators write and every device
 * reads; records refer to areas and units by id, so a name can change without touching them.
 */
import { z } from 'zod';
import type { Language, LocalText } from '../text';
import { bilingual } from './bilingual';
import { fieldError, intField, textField } from './fields';

/** The one settings record's id (the sync protocol's record ids are UUIDs). */
export const SETTINGS_ID = '00000000-0000-4000-8000-00000000c0de';

/** Most areas and units one installation may have. */
export const MAX_AREAS = 200;
export const MAX_UNITS = 50;

const ID_MESSAGE = bilingual(
  'Ugyldig ID: 1–80 tegn, uten mellomrom først eller sist',
  'Invalid id: 1–80 characters, no space first or last',
);
/**
 * An area's id: any text of 1–80 characters without surrounding spaces. New areas get a generated one; areas that
 * existed before the settings did keep the value records already hold as their id.
 */
export const areaIdSchema = z
  .string({ error: fieldError(ID_MESSAGE) })
  .min(1, { error: ID_MESSAGE })
  .max(80, { error: ID_MESSAGE })
  .refine((s) => s.trim() === s, { error: ID_MESSAGE });

const UNIT_ID_MESSAGE = bilingual(
  'Ugyldig enhets-ID: en liten bokstav fulgt av opptil 39 bokstaver, sifre eller bindestreker',
  'Invalid unit id: a lowercase letter followed by up to 39 letters, digits or hyphens',
);
/** A unit's id: also a key in a consent's scope, so letters, digits and hyphens only. */
export const unitIdSchema = z
  .string({ error: fieldError(UNIT_ID_MESSAGE) })
  .regex(/^[a-z][A-Za-z0-9-]{0,39}$/, { error: UNIT_ID_MESSAGE });

const NUMBER_MESSAGE = bilingual('Kommunenummer er fire sifre, for eksempel 0301', 'A municipality number is four digits, e.g. 0301');

/** An area of the municipality, as the housing office groups its stock. */
export const areaSettingSchema = z.strictObject({
  id: areaIdSchema,
  name: textField(80, true),
  /** The municipality's own code for the area (e.g. a statistical area or school district), if it uses one. */
  code: textField(20).optional(),
});
export type AreaSetting = z.infer<typeof areaSettingSchema>;

/** A municipal unit that owns tasks and may be named in a consent (the labour and welfare office, the refugee service, …). */
export const unitSettingSchema = z.strictObject({
  id: unitIdSchema,
  /** The name in Bokmål, as people in the municipality say it. */
  name: textField(80, true),
  /** The name in English, when it differs. */
  nameEn: textField(80).optional(),
});
export type UnitSetting = z.infer<typeof unitSettingSchema>;

/** How often dwellings are inspected, in months. */
export const inspectionIntervalsSchema = z.strictObject({
  /** Every dwelling, at least this often. */
  regularMonths: intField(1, 120, { nb: 'måneder', en: 'months' }),
  /** Sooner after a red risk assessment. */
  afterRedRiskMonths: intField(1, 120, { nb: 'måneder', en: 'months' }),
  /** Sooner while a TG3 finding is open. */
  afterOpenTg3Months: intField(1, 120, { nb: 'måneder', en: 'months' }),
});
export type InspectionIntervals = z.infer<typeof inspectionIntervalsSchema>;

/** The safe defaults: a yearly inspection, after six months with a red risk, after three with an open TG3. */
export const DEFAULT_INSPECTION_INTERVALS: InspectionIntervals = { regularMonths: 12, afterRedRiskMonths: 6, afterOpenTg3Months: 3 };

function duplicates(values: readonly string[]): Set<number> {
  const seen = new Map<string, number>();
  const out = new Set<number>();
  values.forEach((v, i) => {
    const key = v.trim().toLocaleLowerCase('nb');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.add(i);
  });
  return out;
}

/** The `data` of the settings record. */
export const settingsSchema = z
  .strictObject({
    municipality: z.strictObject({
      name: textField(80, true),
      /** The four-digit municipality number (kommunenummer), as Statistics Norway and Kartverket use it. */
      number: z.string({ error: fieldError(NUMBER_MESSAGE) }).regex(/^\d{4}$/, { error: NUMBER_MESSAGE }),
    }),
    areas: z
      .array(areaSettingSchema)
      .min(1, { error: bilingual('Legg inn minst ett område', 'Add at least one area') })
      .max(MAX_AREAS, { error: bilingual(`Høyst ${MAX_AREAS} områder`, `At most ${MAX_AREAS} areas`) }),
    units: z
      .array(unitSettingSchema)
      .min(1, { error: bilingual('Legg inn minst én enhet', 'Add at least one unit') })
      .max(MAX_UNITS, { error: bilingual(`Høyst ${MAX_UNITS} enheter`, `At most ${MAX_UNITS} units`) }),
    /**
     * The unit that owns a dwelling's follow-up actions unless the inspector names another (one of `units`); without
     * it, the first unit.
     */
    actionUnit: unitIdSchema.optional(),
    /** The suitability rule set in force: its id and version (core/rules/ruleSets). */
    ruleSet: z.strictObject({ id: z.string().min(1).max(80), version: z.number().int().min(1) }),
    inspectionIntervals: inspectionIntervalsSchema,
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], nb: string, en: string) => ctx.addIssue({ code: 'custom', path, message: bilingual(nb, en) });
    for (const i of duplicates(s.areas.map((a) => a.id))) issue(['areas', i, 'id'], 'To områder har samme ID', 'Two areas have the same id');
    for (const i of duplicates(s.areas.map((a) => a.name))) {
      issue(['areas', i, 'name'], `Området «${s.areas[i]!.name}» står to ganger`, `The area "${s.areas[i]!.name}" is listed twice`);
    }
    for (const i of duplicates(s.units.map((u) => u.id))) issue(['units', i, 'id'], 'To enheter har samme ID', 'Two units have the same id');
    for (const i of duplicates(s.units.map((u) => u.name))) {
      issue(['units', i, 'name'], `Enheten «${s.units[i]!.name}» står to ganger`, `The unit "${s.units[i]!.name}" is listed twice`);
    }
    if (s.actionUnit !== undefined && !s.units.some((u) => u.id === s.actionUnit)) {
      issue(['actionUnit'], 'Velg en av enhetene over som eier tiltak etter befaringer', 'Choose one of the units above to own the actions after inspections');
    }
  });
export type Settings = z.infer<typeof settingsSchema>;

/** An area's name by id; an id the settings no longer list is shown as it is stored. */
export function areaName(settings: Settings | null | undefined, id: string | null | undefined): string {
  if (!id) return '';
  return settings?.areas.find((a) => a.id === id)?.name ?? id;
}

/** A unit's name in a language by id; an id the settings no longer list is shown as it is stored. */
export function unitName(settings: Settings | null | undefined, id: string, lang: Language): string {
  const unit = settings?.units.find((u) => u.id === id);
  if (!unit) return id;
  return lang === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}

/** A unit's name in both languages (English falls back to the Bokmål name). */
export function unitText(settings: Settings | null | undefined, id: string): LocalText {
  return { nb: unitName(settings, id, 'nb'), en: unitName(settings, id, 'en') };
}

/** The unit a dwelling's follow-up actions go to unless the inspector names another: `actionUnit`, else the first unit. */
export function defaultActionUnit(settings: Settings | null | undefined): string | undefined {
  if (!settings) return undefined;
  const chosen = settings.actionUnit;
  return chosen && settings.units.some((u) => u.id === chosen) ? chosen : settings.units[0]?.id;
}

/** Reads a stored settings record's data; null when there is none or it does not pass the schema. */
export function readSettings(data: unknown): Settings | null {
  const parsed = settingsSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** A new id for an area: random, so it says nothing about the name and never has to change; unique among `taken`. */
export function newAreaId(taken: readonly string[] = [], random: () => number = Math.random): string {
  for (;;) {
    const id = `area-${Math.floor(random() * 0x100000000).toString(16).padStart(8, '0')}`;
    if (!taken.includes(id)) return id;
  }
}

/** A new id for a unit from its name ("Eiendom og drift" → "eiendom-og-drift"), made unique among `taken`. */
export function newUnitId(name: string, taken: readonly string[]): string {
  const slug = name
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 32) || 'unit';
  let id = slug;
  for (let n = 2; taken.includes(id); n++) id = `${slug}-${n}`;
  return id;
}
