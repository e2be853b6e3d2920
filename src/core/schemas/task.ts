/** A task handed to a municipal unit, often agreed on a home visit or in the monthly meeting. */
import { z } from 'zod';
import { dateField, dateTimeField, enumField, textField, uuidField } from './fields';
import { ownerUnitSchema } from './ownerUnit';

/** Open until done. */
export const TASK_STATUSES = ['open', 'done'] as const;

/** The `data` of a task record. */
export const taskSchema = z.strictObject({
  title: textField(200, true),
  ownerUnit: ownerUnitSchema,
  householdId: uuidField().nullish(),
  /** ISO date it is due. */
  dueDate: dateField(),
  status: enumField(TASK_STATUSES),
  /** When it was marked done. */
  doneAt: dateTimeField().nullish(),
  /** The visit where it was agreed. */
  sourceVisitId: uuidField().nullish(),
});
/** A task's data. */
export type Task = z.infer<typeof taskSchema>;
