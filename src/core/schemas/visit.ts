/** A counsellor's home visit to a household; its findings are a home-visit checklist (template D). */
import { z } from 'zod';
import { dateField, uuidField } from './fields';

/** The `data` of a visit record. */
export const visitSchema = z.strictObject({
  householdId: uuidField(),
  /** ISO date of the visit. */
  date: dateField(),
  counsellorId: uuidField(),
  /** The home-visit checklist filled in during the visit. */
  inspectionId: uuidField().nullish(),
});
/** A visit's data. */
export type Visit = z.infer<typeof visitSchema>;
