/** The shape of a suitability rule set: versioned data (thresholds and rules), so a change is a new version, not new code. */
import { z } from 'zod';
import { GRADES, UNITS, localTextSchema, showWhenSchema } from '../checklist/template';

/** Levels of a rule: a gate failing makes a dwelling not suitable; `3plus` and `0to3` rules decide the class. */
export const RULE_LEVELS = ['gate', '3plus', '0to3'] as const;
/** A rule's level. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Every threshold the rules use, with its unit in its name. */
export const thresholdsSchema = z.strictObject({
  busStopMaxM: z.number().nonnegative(),
  playMaxM3plus: z.number().nonnegative(),
  playMaxM0to3: z.number().nonnegative(),
  kindergartenMaxM: z.number().nonnegative(),
  radonLimitBqm3: z.number().nonnegative(),
  radonActionBqm3: z.number().nonnegative(),
  /** Beyond this distance a 1st grader gets free school transport. */
  schoolTransportGrade1M: z.number().nonnegative(),
  /** Beyond this distance pupils in grades 2–10 get free school transport. */
  schoolTransportGrades2to10M: z.number().nonnegative(),
  /** Approved bedrooms a dwelling needs to count as suitable in the stock figure. */
  minApprovedBedrooms: z.number().int().nonnegative(),
  minLeaseYears: z.number().nonnegative(),
  ceilingMinM: z.number().nonnegative(),
  escapeWindowMinWidthM: z.number().nonnegative(),
  escapeWindowMinHeightM: z.number().nonnegative(),
  escapeWindowMinSumM: z.number().nonnegative(),
  escapeWindowMaxSillM: z.number().nonnegative(),
  escapeWindowMaxDropM: z.number().nonnegative(),
  /** Risk scores (likelihood × consequence) from this value are yellow. */
  riskYellowFrom: z.number().int().min(1).max(25),
  /** Risk scores from this value are red. */
  riskRedFrom: z.number().int().min(1).max(25),
  /** Smallest floor area of a bedroom (read from the room list of dwelling inspection version 2). */
  bedroomMinAreaM2: z.number().nonnegative().default(7),
});
/** The thresholds of a rule set. */
export type Thresholds = z.infer<typeof thresholdsSchema>;
/** The name of one threshold. */
export type ThresholdName = keyof Thresholds;

const thresholdName = z.enum(Object.keys(thresholdsSchema.shape) as [ThresholdName, ...ThresholdName[]]);
const templateId = z.string().min(1);
const itemId = z.string().min(1);

/**
 * One test an entry of a repeat group must pass: a number at least (`gte`) or at most (`lte`) a threshold, an answer
 * equal to a value (with what to say when it is not), or a valid escape window (the window fields of a room).
 */
export const entryTestSchema = z.union([
  z.strictObject({ item: itemId, op: z.enum(['gte', 'lte']), threshold: thresholdName, unit: z.enum(UNITS) }),
  z.strictObject({ item: itemId, op: z.literal('eq'), value: z.union([z.string(), z.boolean()]), otherwise: localTextSchema }),
  z.strictObject({ escapeWindow: z.literal(true) }),
]);
/** One test on the entries of a repeat group. */
export type EntryTest = z.infer<typeof entryTestSchema>;

/** What a rule checks. Generic kinds read named items; the special kinds encode one regulation each. */
export const ruleCheckSchema = z.discriminatedUnion('kind', [
  /** The latest completed checklist of the template exists and answers every shown required item. */
  z.strictObject({ kind: z.literal('complete'), template: templateId }),
  /** Every shown item answered yes. */
  z.strictObject({ kind: z.literal('yes'), template: templateId, items: z.array(itemId).min(1) }),
  /** Every shown item answered no. */
  z.strictObject({ kind: z.literal('no'), template: templateId, items: z.array(itemId).min(1) }),
  /** A choice item's answer is one of `values`. */
  z.strictObject({ kind: z.literal('choiceIn'), template: templateId, item: itemId, values: z.array(z.string()).min(1) }),
  /** A distance item is at most the threshold. */
  z.strictObject({ kind: z.literal('maxDistance'), template: templateId, item: itemId, threshold: thresholdName }),
  /** None of the grade items has one of `grades`; "not inspected" (TGIU) counts as missing. */
  z.strictObject({ kind: z.literal('noGrade'), template: templateId, items: z.array(itemId).min(1), grades: z.array(z.enum(GRADES)).min(1) }),
  /** Radon measured, documented and at most the limit. */
  z.strictObject({ kind: z.literal('radon'), template: templateId }),
  /** An exit to open air by stairs needs escape windows in at least every second bedroom. */
  z.strictObject({ kind: z.literal('escapeWindows'), template: templateId }),
  /** Every inspected bedroom has the ceiling height and a window or door that opens. */
  z.strictObject({ kind: z.literal('bedroomStandard'), template: templateId }),
  /** The registry's approved bedrooms are at least the threshold. */
  z.strictObject({ kind: z.literal('approvedBedrooms'), threshold: thresholdName }),
  /** The registry's lease is open-ended or at least the threshold in years. */
  z.strictObject({ kind: z.literal('lease'), threshold: thresholdName }),
  /** A playground on the plot, or one of the distance items at most the threshold. */
  z.strictObject({
    kind: z.literal('play'),
    template: templateId,
    items: z.array(itemId).min(1),
    threshold: thresholdName,
    onPlot: z.strictObject({ template: templateId, item: itemId }).optional(),
  }),
  /** Primary school beyond the transport limit, or a route judged dangerous (free transport), or a safe walking route. */
  z.strictObject({ kind: z.literal('schoolRoute'), template: templateId }),
  /** No red risk without a measure, and none still red after its measure. */
  z.strictObject({ kind: z.literal('redRisk'), template: templateId }),
  /**
   * Every entry of a repeat group meeting `where` (every bedroom) passes every test, each failure named with its
   * actual value ("Soverom 3: 6,2 m² — minst 7 m²"). A checklist filled in a template version without the group passes:
   * the rule cannot be asked of it, and its verdict stays what it was.
   */
  z.strictObject({
    kind: z.literal('eachEntry'),
    template: templateId,
    repeat: itemId,
    where: showWhenSchema.optional(),
    /** What one entry meeting `where` is called in reasons, numbered among them ("Soverom" → "Soverom 3"). */
    entryName: localTextSchema,
    tests: z.array(entryTestSchema).min(1),
  }),
]);
/** What a rule checks. */
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

/** One rule: its level, the short name used in reasons, and the check. */
export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(\.[a-zA-Z0-9]+)+$/),
  level: z.enum(RULE_LEVELS),
  /** Short name of what is checked ("Bussholdeplass" / "Bus stop"); reasons start with it. */
  subject: localTextSchema,
  check: ruleCheckSchema,
});
/** One rule. */
export type Rule = z.infer<typeof ruleSchema>;

/** A versioned rule set. */
export const ruleSetSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: localTextSchema,
    thresholds: thresholdsSchema,
    rules: z.array(ruleSchema).min(1),
    /** The eachEntry rule whose passing entries are the bedrooms meeting the standard, which matching counts. */
    standardBedroomsRule: z.string().optional(),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `Duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
    if (set.standardBedroomsRule !== undefined && set.rules.find((r) => r.id === set.standardBedroomsRule)?.check.kind !== 'eachEntry') {
      ctx.addIssue({ code: 'custom', path: ['standardBedroomsRule'], message: `standardBedroomsRule must name an eachEntry rule of this set` });
    }
    if (set.thresholds.riskYellowFrom > set.thresholds.riskRedFrom) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', 'riskYellowFrom'], message: 'riskYellowFrom must not exceed riskRedFrom' });
    }
  });
/** A versioned rule set. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
