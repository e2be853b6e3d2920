/** The shape of a checklist template (data, versioned) and of the answers given to it. */
import { z } from 'zod';
import { photoRefSchema } from '../sync/protocol';

export const localTextSchema = z.object({ nb: z.string().min(1), en: z.string().min(1) });

/** The five kinds of checklist; an inspection record tells them apart by template id. */
export const TEMPLATE_KINDS = ['dwellingInspection', 'neighbourhood', 'riskAssessment', 'homeVisit', 'foyerFollowUp'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Condition grades of NS 3424 / NS 3600; `TGIU` is "not inspected". */
export const GRADES = ['TG0', 'TG1', 'TG2', 'TG3', 'TGIU'] as const;
export type Grade = (typeof GRADES)[number];

/** Units a number item can carry; the unit is part of the item, never guessed. */
export const UNITS = ['m', 'm2', 'count', 'bqm3', 'kg', 'l', 'mm', 'year', 'month', 'score', 'percent'] as const;
export type Unit = (typeof UNITS)[number];

const optionSchema = z.object({ value: z.string().min(1), label: localTextSchema });

/** When an item is shown: a condition on another item's answer value. */
export type ShowWhen =
  | { item: string; op: 'eq' | 'neq'; value: string | number | boolean }
  | { item: string; op: 'in'; value: (string | number | boolean)[] }
  | { item: string; op: 'gte' | 'lte'; value: number }
  | { item: string; op: 'answered' }
  | { all: ShowWhen[] }
  | { any: ShowWhen[] };

export const showWhenSchema: z.ZodType<ShowWhen> = z.lazy(() =>
  z.union([
    z.object({ item: z.string(), op: z.enum(['eq', 'neq']), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ item: z.string(), op: z.literal('in'), value: z.array(z.union([z.string(), z.number(), z.boolean()])) }).strict(),
    z.object({ item: z.string(), op: z.enum(['gte', 'lte']), value: z.number() }).strict(),
    z.object({ item: z.string(), op: z.literal('answered') }).strict(),
    z.object({ all: z.array(showWhenSchema) }).strict(),
    z.object({ any: z.array(showWhenSchema) }).strict(),
  ]),
);

/**
 * When an answer fails and needs evidence, tested on the item's own value: a grade or choice among `in`, a yes/no
 * equal to `eq`, a number below `lt` or above `gt`.
 */
export type EvidenceWhen = { op: 'in'; value: (string | boolean)[] } | { op: 'eq'; value: string | number | boolean } | { op: 'lt' | 'gt'; value: number };
export const evidenceWhenSchema: z.ZodType<EvidenceWhen> = z.union([
  z.object({ op: z.literal('in'), value: z.array(z.union([z.string(), z.boolean()])).min(1) }).strict(),
  z.object({ op: z.literal('eq'), value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ op: z.enum(['lt', 'gt']), value: z.number() }).strict(),
]);

/** Evidence an item needs when its answer fails: a photo, a note or both; completion is refused until it is there. */
export const evidenceSchema = z
  .object({ when: evidenceWhenSchema, photo: z.boolean().default(false), note: z.boolean().default(false) })
  .strict()
  .refine((e) => e.photo || e.note, { message: 'Evidence must ask for a photo, a note or both' });
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * A calculated value, as data: a constant, another item's number (in a repeat entry: an item of the same entry; `field`
 * picks the likelihood or consequence of a risk answer), arithmetic on formulas, or over a repeat's entries the count
 * of those meeting `where` and their share (0–1) among those meeting `of`.
 */
export type Formula =
  | { const: number }
  | { item: string; field?: 'likelihood' | 'consequence' }
  | { op: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max'; args: Formula[] }
  | { count: string; where?: ShowWhen }
  | { share: string; where: ShowWhen; of?: ShowWhen };
export const formulaSchema: z.ZodType<Formula> = z.lazy(() =>
  z.union([
    z.object({ const: z.number() }).strict(),
    z.object({ item: z.string(), field: z.enum(['likelihood', 'consequence']).optional() }).strict(),
    z.object({ op: z.enum(['add', 'sub', 'mul', 'div', 'min', 'max']), args: z.array(formulaSchema).min(1) }).strict(),
    z.object({ count: z.string(), where: showWhenSchema.optional() }).strict(),
    z.object({ share: z.string(), where: showWhenSchema, of: showWhenSchema.optional() }).strict(),
  ]),
);

const ITEM_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

const itemBase = {
  /** Stable across template versions: answers are keyed by it. */
  id: z.string().regex(ITEM_ID),
  label: localTextSchema,
  help: localTextSchema.optional(),
  required: z.boolean().default(false),
  showWhen: showWhenSchema.optional(),
  evidence: evidenceSchema.optional(),
};

/** The kinds of item that hold one answer (every kind but `repeat`): what a repeat entry is made of. */
const leafItemSchemas = [
  z.object({ ...itemBase, kind: z.literal('yesNo') }).strict(),
  z.object({ ...itemBase, kind: z.literal('grade') }).strict(),
  z.object({
    ...itemBase,
    kind: z.literal('number'),
    unit: z.enum(UNITS),
    min: z.number(),
    max: z.number(),
    integer: z.boolean().default(false),
  }).strict(),
  z.object({ ...itemBase, kind: z.literal('choice'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...itemBase, kind: z.literal('multiChoice'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...itemBase, kind: z.literal('risk') }).strict(),
  z.object({ ...itemBase, kind: z.literal('date') }).strict(),
  z.object({ ...itemBase, kind: z.literal('text'), maxLength: z.number().int().positive().default(2000) }).strict(),
  z.object({ ...itemBase, kind: z.literal('photos'), maxPhotos: z.number().int().positive().default(10) }).strict(),
  /** Shown read-only and recomputed from other answers; never typed, never stored. */
  z.object({ ...itemBase, kind: z.literal('calc'), unit: z.enum(UNITS), decimals: z.number().int().min(0).max(4).default(1), formula: formulaSchema }).strict(),
] as const;

/** An item that may stand in a repeat entry. */
export const leafItemSchema = z.discriminatedUnion('kind', leafItemSchemas);
export type LeafItem = z.infer<typeof leafItemSchema>;

/**
 * A group asked once per entry ("Rom", "Avvik"): the person adds, duplicates, reorders and removes entries. Its items'
 * ids and showWhen conditions are local to one entry; `titleItem` names the item whose answer titles an entry.
 */
export const repeatItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('repeat'),
    /** What one entry is called ("Rom" / "Room"), numbered in the list. */
    entryLabel: localTextSchema,
    items: z.array(leafItemSchema).min(1),
    titleItem: z.string().optional(),
    minEntries: z.number().int().min(0).default(0),
    maxEntries: z.number().int().positive().max(200).default(100),
  })
  .strict();
export type RepeatItem = z.infer<typeof repeatItemSchema>;

/** One question of a checklist; `kind` decides the answer's type and the control that asks it. */
export const itemSchema = z.discriminatedUnion('kind', [...leafItemSchemas, repeatItemSchema]);
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];

export const sectionSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  title: localTextSchema,
  help: localTextSchema.optional(),
  items: z.array(itemSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

/** A checklist template: data, validated by this schema, identified by id + version. */
export const templateSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
  version: z.number().int().positive(),
  kind: z.enum(TEMPLATE_KINDS),
  title: localTextSchema,
  sections: z.array(sectionSchema).min(1),
});
export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;

/**
 * Likelihood × consequence (1–5 each), with the measure, its owner, its deadline and the score after the measure
 * (all four needed on a red risk before the checklist is completed).
 */
export const riskValueSchema = z.object({
  likelihood: z.number().int().min(1).max(5),
  consequence: z.number().int().min(1).max(5),
  measure: z.string().max(2000).optional(),
  owner: z.string().max(200).optional(),
  /** The date the measure is due, YYYY-MM-DD. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  likelihoodAfter: z.number().int().min(1).max(5).optional(),
  consequenceAfter: z.number().int().min(1).max(5).optional(),
});
export type RiskValue = z.infer<typeof riskValueSchema>;

/** The value an answer holds, by item kind (photos-kind items keep their photos in `photos`). */
export type AnswerValue = boolean | number | string | string[] | RiskValue | null;

/** A TG2/TG3 finding: cause and consequence (TG2 and TG3), and a cost estimate (TG3), each a short text of its own. */
export const findingSchema = z.object({
  cause: z.string().max(500).optional(),
  consequence: z.string().max(500).optional(),
  costEstimate: z.string().max(200).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** One answer: a value, plus a note and photos that any item may carry. */
const leafAnswerShape = {
  value: z.union([z.boolean(), z.number(), z.string().max(20000), z.array(z.string().max(200)).max(100), riskValueSchema, z.null()]).optional(),
  note: z.string().max(5000).optional(),
  photos: z.array(photoRefSchema).max(20).optional(),
  /** On a condition grade of TG2 or TG3: what the deviation is caused by, what it leads to, and (TG3) what fixing it costs. */
  finding: findingSchema.optional(),
  /**
   * What was typed into a number field that is not an acceptable value ("−5" for radon): kept for the person to fix,
   * never a value, never read by a rule. A draft only; a checklist with one cannot be completed.
   */
  typed: z.string().max(100).optional(),
};

/** An answer inside a repeat entry (no entries of its own). */
export const entryAnswerSchema = z.object(leafAnswerShape);

/** Entry ids: short, stable, unique within one repeat; answers of an entry are keyed by the repeat's item ids. */
export const ENTRY_ID = /^[a-z0-9]{1,24}$/;
export const repeatEntrySchema = z.object({
  id: z.string().regex(ENTRY_ID),
  answers: z.record(z.string().max(100).regex(ITEM_ID), entryAnswerSchema),
});
export type RepeatEntry = z.infer<typeof repeatEntrySchema>;

/** One answer; a repeat item's answer holds its entries, in the order the person put them. */
export const answerSchema = z.object({
  ...leafAnswerShape,
  entries: z.array(repeatEntrySchema).max(200).optional(),
});
export type Answer = z.infer<typeof answerSchema>;

/** Answers of one checklist, keyed by item id. */
export type Answers = Record<string, Answer>;
