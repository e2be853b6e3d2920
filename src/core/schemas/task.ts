/**
 * A task handed to a municipal unit, often agreed on a home visit or in the monthly meeting, or proposed by a finding
 * on a dwelling's checklist (an action: it names the dwelling, the checklist and item it comes from, and its severity).
 */
import { z } from 'zod';
import { dateField, dateTimeField, enumField, textField, uuidField } from './fields';
import { photoRefSchema } from '../sync/protocol';
import { ownerUnitSchema } from './ownerUnit';

/** How serious the finding behind an action is, most serious first (deadlines by severity: core/actions). */
export const ACTION_SEVERITIES = ['TG3', 'red', 'gate', 'TG2', 'yellow'] as const;

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
  /** An action on a dwelling: the dwelling it is about. */
  dwellingId: uuidField().nullish(),
  /** The completed checklist whose finding proposed it. */
  sourceInspectionId: uuidField().nullish(),
  /** The item (`condition.wetRooms`) or gate (`gate.radon`) of that checklist. */
  sourceKey: z.string().max(100).regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/).nullish(),
  severity: enumField(ACTION_SEVERITIES).nullish(),
  /** The finding in words, as it stood when the action was proposed. */
  finding: textField(2000).nullish(),
  /** The finding's photos. */
  photos: z.array(photoRefSchema).max(20).nullish(),
  /** What was done, written when it is closed. */
  closeNote: textField(2000).nullish(),
  /** The checklist at which it was seen put right ("utbedret?" answered yes). */
  closedByInspectionId: uuidField().nullish(),
  /** Photos showing it was done. */
  closePhotos: z.array(photoRefSchema).max(10).nullish(),
});
/** A task's data. */
export type Task = z.infer<typeof taskSchema>;
