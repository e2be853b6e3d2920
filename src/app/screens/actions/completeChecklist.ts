/**
 * Locks a dwelling's checklist with its signatures and the confirmed follow-up actions, all in one write on the device:
 * the checklist is completed, its signatures are stored and its actions exist, or nothing changed.
 */
import type { ChecklistSignature } from '../../../core/schemas/inspection';
import type { Task } from '../../../core/schemas/task';
import type { StoredPhoto } from '../../store/db';
import { preparePhoto } from '../../store/savePhoto';
import { deviceDb } from '../../store/deviceDb';
import { recordChanges, type RecordChange } from '../../store/repo';
import type { SignatureDraft } from './CompletionSignatures';
import type { EditedAction } from './ProposedActions';

export type CompleteInput = {
  inspectionId: string;
  dwellingId: string | null;
  /** The confirmed list; those left out are not created. */
  actions: readonly EditedAction[];
  signatures: SignatureDraft | null;
  inspectorName: string;
  now: Date;
};

/** The signature record of one drawn pad, and its image to store with the checklist. */
async function signature(png: Uint8Array, name: string, now: Date, images: StoredPhoto[]): Promise<ChecklistSignature> {
  const { ref, row } = await preparePhoto(png, 'image/png', { takenAt: now });
  images.push(row);
  return { photo: ref, name, signedAt: now.toISOString() };
}

/** The task of one confirmed action. */
export function actionTask(a: EditedAction, dwellingId: string, inspectionId: string): Task {
  return {
    title: a.text.trim(),
    ownerUnit: a.ownerUnit,
    householdId: null,
    dueDate: a.dueDate,
    status: 'open',
    doneAt: null,
    dwellingId,
    sourceInspectionId: inspectionId,
    sourceKey: a.key,
    severity: a.severity,
    finding: a.finding.nb,
    photos: a.photos,
  };
}

/** Completes the checklist; returns the ids of the actions created. */
export async function completeChecklist({ inspectionId, dwellingId, actions, signatures, inspectorName, now }: CompleteInput): Promise<string[]> {
  const images: StoredPhoto[] = [];
  const signed = signatures?.inspector
    ? {
        inspector: await signature(signatures.inspector, inspectorName, now, images),
        tenant: signatures.tenant && signatures.tenantName.trim() ? await signature(signatures.tenant, signatures.tenantName.trim(), now, images) : null,
      }
    : null;
  const created: string[] = [];
  const changes: RecordChange[] = [];
  if (dwellingId) {
    for (const a of actions) {
      if (!a.include) continue;
      const id = crypto.randomUUID();
      created.push(id);
      changes.push({ entity: 'task', id, change: { set: actionTask(a, dwellingId, inspectionId) as unknown as Record<string, unknown> } });
    }
  }
  changes.push({
    entity: 'inspection',
    id: inspectionId,
    change: { set: { status: 'completed', completedAt: now.toISOString(), ...(signed ? { signatures: signed } : {}) } },
  });
  await recordChanges(deviceDb(), changes, images);
  return created;
}
