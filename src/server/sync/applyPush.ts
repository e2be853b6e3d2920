/**
 * The push of the sync contract (docs/sync-contract.md): every op of a batch decided in one transaction, each exactly once per opId,
 * with the conflict rule of core/sync/mergeOp, the entity's schema on every merged record, and the access policy.
 * What the batch needs is loaded up front in a few queries (its ops, its records, the households and plans they link
 * to) and kept up to date as the batch writes.
 */
import type { z } from 'zod';
import { ENTITY_NAMES, type EntityName, type SessionUser } from '../../core/entities';
import { entitySchemas } from '../../core/schemas';
import { applySet } from '../../core/sync/applySet';
import { deepEqual } from '../../core/sync/deepEqual';
import { mergeOp, type PathWrite } from '../../core/sync/mergeOp';
import { pathsOverlap, readPath, WHOLE_RECORD } from '../../core/sync/path';
import { findPhotoHashes } from '../../core/sync/photoRefs';
import { opSchema, type OpResult, type pushRequestSchema } from '../../core/sync/protocol';
import { isPrivacyGoverned } from '../../core/privacy/recordAccess';
import type { Store, StoredOp, StoredRecord, StoreTx } from '../store/store';
import { touchRecordsOf } from '../privacy/visibilityChanges';
import { logPushed } from '../privacy/auditLog';
import { mayWriteEntity, NOT_WRITABLE, policyContext, readView, writeRefusal } from './policy';
import { bilingual } from '../../core/schemas/bilingual';
import { completionEvidenceRefusal } from './completionEvidence';
import { mayReadBlob } from './blobAccess';
import { allocationRefusal } from './allocationRule';
import { readSettings, SETTINGS_ID } from '../../core/schemas/settings';
import { unknownChoice } from '../../core/schemas/settingsChoices';

/** Largest JSON a record's data may grow to; keeps one record from filling every device. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Largest refused op kept whole in the op log. */
const MAX_LOGGED_REJECTED_BYTES = 64 * 1024;

type Data = Record<string, unknown>;

/** A decided op: applied, conflict or rejected (stored), or retry (not stored: the op will come again). */
type Decision = OpResult;

function rejected(opId: string, code: string, message: string, issues?: unknown[]): Decision {
  return { opId, status: 'rejected', error: { code, message, ...(issues ? { issues } : {}) } };
}

/** The policy's refusal for values not yet validated; a shape the policy cannot read is left to the schema check. */
function refusalOf(refusal: () => string | null): string | null {
  try {
    return refusal();
  } catch {
    return null;
  }
}

/** Decides every op of a push in order and returns one result per op. Runs as one transaction: all of it or none. */
export function applyPush(
  store: Store,
  user: SessionUser,
  request: z.output<typeof pushRequestSchema>,
  now: Date,
): Promise<OpResult[]> {
  return store.transaction((tx) => decideBatch(tx, user, request, now));
}

const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/** Decides every op of a push in order inside the caller's transaction (a batch that must apply whole). */
export async function decideBatch(tx: StoreTx, user: SessionUser, request: z.output<typeof pushRequestSchema>, now: Date): Promise<OpResult[]> {
  const at = now.toISOString();
  /** Ops already decided: every op id of the batch is looked up at once, and ops decided in this batch are added. */
  const seenOps = new Map<string, StoredOp>();
  for (const op of await tx.findOps(request.ops.map((o) => o.opId))) seenOps.set(op.opId, op);
  /** The batch's records as stored, loaded at once and kept up to date as the batch writes them. */
  const records = new Map<string, StoredRecord>();
  const keys = request.ops.flatMap((o) =>
    typeof o.entity === 'string' && typeof o.id === 'string' && (ENTITY_NAMES as readonly string[]).includes(o.entity) && !seenOps.has(o.opId)
      ? [{ entity: o.entity as EntityName, id: o.id }]
      : [],
  );
  // The settings too: the areas and units records may name (kept up to date if the batch changes them).
  if (!keys.some((k) => k.entity === 'settings')) keys.push({ entity: 'settings', id: SETTINGS_ID });
  for (const r of await tx.findRecords(keys)) records.set(recordKey(r.entity, r.id), r);

  const policy = await policyContext(tx, user, now);
  // The households and plans the stored records and the ops' values link to, in one query.
  await policy.links.load([
    ...records.values(),
    ...request.ops.flatMap((o) =>
      (ENTITY_NAMES as readonly string[]).includes(o.entity as string) && o.set && typeof o.set === 'object'
        ? [{ entity: o.entity as EntityName, data: o.set as Data }]
        : [],
    ),
  ]);

  /** Stores a decided op in the log (the audit trail) and returns its result. */
  const log = async (raw: Data, entity: string, id: string, baseRev: number | null, result: Decision, written?: Data | null): Promise<Decision> => {
    const status = result.status as StoredOp['status'];
    let asked = JSON.stringify(raw);
    // A refused op is kept for its result and the audit, not its bulk: a hostile client cannot fill the disk with it.
    if (status === 'rejected' && asked.length > MAX_LOGGED_REJECTED_BYTES) asked = JSON.stringify({ opId: result.opId, truncated: true, bytes: asked.length });
    await tx.logOp({ opId: result.opId, clientId: request.clientId, userId: user.id, entity, id, baseRev, opJson: asked, status, rev: result.rev ?? null, resultJson: JSON.stringify(result), at });
    seenOps.set(result.opId, { opId: result.opId, userId: user.id, status, result });
    // Household data written is also logged for the household's access log; other records need not be looked at.
    if (written && isPrivacyGoverned(entity as EntityName, written)) await logPushed(tx, user.id, entity, id, raw, result, written, at);
    return result;
  };

  /** Writes the record's next revision and takes the next change number. */
  const writeRecord = async (entity: EntityName, id: string, rev: number, json: string, deleted: boolean, opId: string) => {
    // Every record an op of the batch names was loaded above: one not among them was never stored.
    const fresh = !records.has(recordKey(entity, id));
    const seq = await tx.writeRecord({ entity, id, rev, dataJson: json, deleted, at, userId: user.id, opId, fresh });
    // Kept as a later op of the batch would read it back from the database.
    const data = JSON.parse(json) as Data;
    records.set(recordKey(entity, id), { entity, id, rev, data, deleted, updatedAt: at, updatedBy: user.id, seq });
    policy.links.put(entity, id, deleted ? null : data);
  };

  const decide = async (raw: Data & { opId: string }): Promise<Decision> => {
    const opId = raw.opId;
    const entityText = typeof raw.entity === 'string' ? raw.entity.slice(0, 100) : '';
    const idText = typeof raw.id === 'string' ? raw.id.slice(0, 100) : '';

    const parsed = opSchema.safeParse(raw);
    if (!parsed.success) {
      if (!(ENTITY_NAMES as readonly string[]).includes(entityText)) {
        return log(raw, entityText, idText, null, rejected(opId, 'unknown_entity', bilingual(`Ukjent posttype «${entityText}»`, `Unknown entity "${entityText}"`)));
      }
      return log(raw, entityText, idText, null, rejected(opId, 'invalid', bilingual('Endringen har ugyldig form', 'The change is malformed'), parsed.error.issues));
    }
    const op = parsed.data;
    if (!mayWriteEntity(user, op.entity)) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'forbidden', bilingual('Du har ikke lov til å endre denne typen poster', 'You may not change records of this kind')));
    }
    // The settings are one record with a fixed id (asked after the right: only administrators get this far with them).
    if (op.entity === 'settings' && op.id !== SETTINGS_ID) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'invalid', bilingual('Innstillingene har én fast ID', 'The settings have one fixed id')));
    }
    const row = records.get(recordKey(op.entity, op.id));
    // The record as stored, kept after a delete for the audit trail: what the right to change it is judged on.
    const stored = row ? row.data : null;
    const before = row && !row.deleted ? stored : null;
    const rev = (row?.rev ?? 0) + 1;
    const refuse = (message: string) => log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'forbidden', message));

    // Refuse first, validate after. A record the writer may not change as it is stored, or may not create, gets one
    // and the same refusal whatever the op's values and whether the record exists, so no answer tells a hidden value
    // or a hidden record apart; a delete of an id the server never held is refused the same way.
    if (stored ? writeRefusal(user, op.entity, stored, stored, policy) : op.delete) return refuse(NOT_WRITABLE);

    if (op.delete) {
      const refusal = writeRefusal(user, op.entity, stored, null, policy);
      if (refusal) return refuse(refusal);
      // Deleted already (from another device): nothing more to write.
      if (row!.deleted) return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'applied', rev: row!.rev });
      // The data stays on the server for the audit trail; pulls send the record as deleted.
      await writeRecord(op.entity, op.id, rev, JSON.stringify(stored), true, opId);
      await touchRecordsOf(tx, op.entity, op.id, before, null, at);
      return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'applied', rev }, before);
    }

    if (row?.deleted) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'deleted', bilingual('Posten er slettet', 'The record has been deleted')));
    }
    // Every path as sent must be the writer's to write, before any merge: a field one may not write is refused here,
    // not held back as a conflict that would hand its stored value back.
    const asked = applySet(before ?? {}, op.set);
    await policy.links.load([{ entity: op.entity, data: asked }]);
    const askedRefusal = refusalOf(() => writeRefusal(user, op.entity, before, asked, policy));
    if (askedRefusal) return refuse(before ? askedRefusal : NOT_WRITABLE);

    const missing: string[] = [];
    // Asked of the photo index in this transaction (a photo is indexed only once its bytes are stored). A photo the
    // writer may not read counts as missing too: naming a hash in one's own record must not open someone else's photo
    // (blobAccess.ts). The device then sends its copy, which proves it has the bytes, and the op goes through.
    for (const sha of findPhotoHashes(op.set)) {
      if (!(await tx.blobInfo(sha)) || !(await mayReadBlob(tx, user, sha, now, policy))) missing.push(sha);
    }
    if (missing.length > 0) {
      return { opId, status: 'retry', error: { code: 'missing_blob', message: bilingual('Bildet mangler på serveren', 'The photo is not on the server'), issues: missing } };
    }
    const writes: PathWrite[] = row ? await tx.pathWritesAfter(op.entity, op.id, op.baseRev) : [];
    const merged = mergeOp({
      data: before ?? {},
      // Only writes that can touch one of the op's paths matter.
      writes: writes.filter((w) => Object.keys(op.set).some((p) => pathsOverlap(p, w.path))),
      set: op.set,
      baseRev: op.baseRev,
      clientId: request.clientId,
    });
    const checked = entitySchemas[op.entity].safeParse(merged.data);
    if (!checked.success) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'invalid', bilingual('Posten blir ugyldig med denne endringen', 'The change would make the record invalid'), checked.error.issues));
    }
    const after = checked.data as Data;
    const json = JSON.stringify(after);
    if (json.length > MAX_RECORD_BYTES) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'too_large', bilingual('Posten blir for stor', 'The record would become too large')));
    }
    // The merged record (the op's paths less its conflicts) is judged too: it is what is written.
    await policy.links.load([{ entity: op.entity, data: after }]);
    const refusal = writeRefusal(user, op.entity, before, after, policy);
    if (refusal) return refuse(before ? refusal : NOT_WRITABLE);
    // Only now, with the right settled: an area or unit the municipality's settings do not list is refused, saying
    // which field and what to choose (a value the record already held stays, so old records remain editable).
    const settingsRow = records.get(recordKey('settings', SETTINGS_ID));
    const unknown = unknownChoice(op.entity, before, after, settingsRow && !settingsRow.deleted ? readSettings(settingsRow.data) : null);
    if (unknown) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'invalid', unknown.message, [{ code: 'custom', path: unknown.path, message: unknown.message }]));
    }
    // A dwelling allocated twice for the same time is refused, not given two tenants.
    const clash = op.entity === 'allocation' ? await allocationRefusal(tx, op.id, before, after, now) : null;
    if (clash) return log(raw, op.entity, op.id, op.baseRev, rejected(opId, clash.code, clash.message));
    // Likewise a checklist completed without the photo or note a failed answer needs, as the app refuses it.
    const lacking = op.entity === 'inspection' ? completionEvidenceRefusal(before, after) : null;
    if (lacking) return log(raw, op.entity, op.id, op.baseRev, rejected(opId, lacking.code, lacking.message, lacking.issues));
    await writeRecord(op.entity, op.id, rev, json, false, opId);
    await touchRecordsOf(tx, op.entity, op.id, before, after, at);
    // A creation is marked once for the whole record rather than once per field: the same answer to "who wrote this
    // path after revision n", at a fraction of the writes.
    await tx.markPathWrites(op.entity, op.id, row ? merged.written : [WHOLE_RECORD], rev, request.clientId, user.id, at);
    if (merged.conflicts.length === 0) return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'applied', rev }, after);
    // A conflict shows the server's value only where the writer may read it.
    const view = readView(user, op.entity, { data: after }, policy);
    const names = await tx.userNames([...new Set(merged.conflicts.map((c) => c.by))]);
    const conflicts = merged.conflicts.map(({ server, ...c }) => {
      const byName = names.get(c.by);
      const readable = view !== null && deepEqual(readPath(view, c.path) ?? null, server ?? null);
      return { ...c, ...(readable ? { server } : {}), ...(byName ? { byName } : {}) };
    });
    return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'conflict', rev, conflicts }, after);
  };

  const results: OpResult[] = [];
  let waiting = false;
  for (const raw of request.ops) {
    const seen = seenOps.get(raw.opId);
    if (seen) {
      if (seen.userId !== user.id) {
        // Never hand one person's stored result (which may hold values) to another.
        results.push({ opId: raw.opId, status: 'rejected', error: { code: 'op_id_taken', message: bilingual('Endrings-ID-en er brukt av en annen', 'The change id is taken') } });
        continue;
      }
      results.push({ ...seen.result, status: 'duplicate', original: seen.status });
      continue;
    }
    // Ops of one installation apply in the order sent: once one must wait, so do all after it.
    if (waiting) {
      results.push({ opId: raw.opId, status: 'retry', error: { code: 'waiting', message: bilingual('Venter på en tidligere endring', 'Waiting for an earlier change') } });
      continue;
    }
    const result = await decide(raw as Data & { opId: string });
    if (result.status === 'retry') waiting = true;
    results.push(result);
  }
  return results;
}
