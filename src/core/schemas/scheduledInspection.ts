/**
 * A planned inspection: which dwelling, which checklists, who inspects, and on which day or in which week. Written by
 * administrators and the property unit's inspectors; reassigning and rescheduling are ordinary edits of these fields.
 */
import { z } from 'zod';
import { TEMPLATE_IDS } from '../checklist/templates';
import { bilingual } from './bilingual';
import { dateField, dateTimeField, enumField, textField, uuidField, yesNoField } from './fields';

/** The dwelling's checklists an inspection may cover (docs/domain.md A–C). */
export const DWELLING_TEMPLATE_IDS = [TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment] as const;

/** Planned until cancelled; once a checklist of the dwelling is completed after it was planned, it counts as done. */
export const SCHEDULE_STATUSES = ['planned', 'cancelled'] as const;

/** The `data` of a scheduled inspection record. */
export const scheduledInspectionSchema = z.strictObject({
  dwellingId: uuidField(),
  /** The checklists to fill in, at least one. */
  templateIds: z
    .array(enumField(DWELLING_TEMPLATE_IDS))
    .min(1, { error: bilingual('Velg minst én sjekkliste', 'Choose at least one checklist') })
    .max(DWELLING_TEMPLATE_IDS.length),
  /** The inspector it is assigned to. */
  inspectorId: uuidField(),
  /** The day; with `byWeek`, the Monday of the week (any day that week will do). */
  date: dateField(),
  byWeek: yesNoField(),
  note: textField(1000).nullish(),
  status: enumField(SCHEDULE_STATUSES),
  /** When it was planned: a checklist of the dwelling completed after this fulfils it. */
  plannedAt: dateTimeField(),
});
/** A scheduled inspection's data. */
export type ScheduledInspection = z.infer<typeof scheduledInspectionSchema>;
