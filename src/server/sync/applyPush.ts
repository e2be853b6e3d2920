/**
 * The push of the sync contract (docs/sync-contract.md): every op of a batch decided in one SQLite transaction, each exactly once per opId,
 * with the conflict rule of core/sync/mergeOp, the entity's schema on every merged record, and the access policy.
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
import type { Db } from '../db';
import type { BlobStore } from './blobStore';
import { touchRecordsOf } from '../privacy/visibilityChanges';
import { logPushed } from '../privacy/auditLog';
import { mayWriteEntity, NOT_WRITABLE, policyContext, readView, writeRefusal } from './policy';
import { bilingual } from '../../core/schemas/bilingual';
import { allocationRefusal } from './allocationRule';
import { SETTINGS_ID } from '../../core/schemas/settings';

/** Largest JSON a record's data may grow to; keeps one record from filling every device. */
export const MAX_RECORD_BYTES = 1024 * 1024;
/** Largest refused op kept whole in the op log. */
const MAX_LOGGED_REJECTED_BYTES = 64 * 1024;

type RecordRow = { rev: number; data: string; deleted: 0 | 1 };
type StoredOp = { user_id: string; status: 'applied' | 'conflict' | 'rejected'; result: string };
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
  db: Db,
  blobs: BlobStore,
  user: SessionUser,
  request: z.output<typeof pushRequestSchema>,
  now: Date,
): OpResult[] {
  const at = now.toISOString();
  const findOps = db.prepare('SELECT op_id, user_id, status, result FROM applied_ops WHERE op_id IN (SELECT value FROM json_each(?))');
  /** Ops already decided: every op id of the batch is looked up at once, and ops decided in this batch are added. */
  const seenOps = new Map<string, StoredOp>();
  const findRecord = db.prepare('SELECT rev, data, deleted FROM records WHERE entity = ? AND id = ?');
  const findWrites = db.prepare('SELECT path, rev, client_id AS clientId, user_id AS userId, at FROM path_writes WHERE entity = ? AND id = ? AND rev > ?');
  const userName = db.prepare('SELECT name FROM users WHERE id = ?');
  const nextSeq = db.prepare('INSERT INTO changes (entity, id, rev, op_id, at) VALUES (?, ?, ?, ?, ?)');
  const upsertRecord = db.prepare(`INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq)
    VALUES (@entity, @id, @rev, @data, @deleted, @at, @userId, @seq)
    ON CONFLICT (entity, id) DO UPDATE SET rev = @rev, data = @data, deleted = @deleted, updated_at = @at, updated_by = @userId, seq = @seq`);
  const upsertWrite = db.prepare(`INSERT INTO path_writes (entity, id, path, rev, client_id, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, id, path) DO UPDATE SET rev = excluded.rev, client_id = excluded.client_id, user_id = excluded.user_id, at = excluded.at`);
  const logOp = db.prepare(`INSERT INTO applied_ops (op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const policy = policyContext(db, user, now);
  const nameOf = (id: string): string | undefined => (userName.get(id) as { name: string } | undefined)?.name;

  /** Stores a decided op in the log (the audit trail) and returns its result. */
  const log = (raw: Data, entity: string, id: string, baseRev: number | null, result: Decision, written?: Data | null): Decision => {
    const status = result.status as StoredOp['status'];
    let asked = JSON.stringify(raw);
    // A refused op is kept for its result and the audit, not its bulk: a hostile client cannot fill the disk with it.
    if (status === 'rejected' && asked.length > MAX_LOGGED_REJECTED_BYTES) asked = JSON.stringify({ opId: result.opId, truncated: true, bytes: asked.length });
    const stored = JSON.stringify(result);
    logOp.run(result.opId, request.clientId, user.id, entity, id, baseRev, asked, status, result.rev ?? null, stored, at);
    seenOps.set(result.opId, { user_id: user.id, status, result: stored });
    // Household data written is also logged for the household's access log; other records need not be looked at.
    if (written && isPrivacyGoverned(entity as EntityName, written)) logPushed(db, user.id, entity, id, raw, result, at);
    return result;
  };

  /** Writes the record's next revision and takes the next change number. */
  const writeRecord = (entity: EntityName, id: string, rev: number, data: Data, deleted: boolean, opId: string) => {
    const seq = Number(nextSeq.run(entity, id, rev, opId, at).lastInsertRowid);
    upsertRecord.run({ entity, id, rev, data: JSON.stringify(data), deleted: deleted ? 1 : 0, at, userId: user.id, seq });
  };

  const decide = (raw: Data & { opId: string }): Decision => {
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
    const row = findRecord.get(op.entity, op.id) as RecordRow | undefined;
    // The record as stored, kept after a delete for the audit trail: what the right to change it is judged on.
    const stored = row ? (JSON.parse(row.data) as Data) : null;
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
      writeRecord(op.entity, op.id, rev, stored!, true, opId);
      touchRecordsOf(db, op.entity, op.id, before, null, at);
      return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'applied', rev }, before);
    }

    if (row?.deleted) {
      return log(raw, op.entity, op.id, op.baseRev, rejected(opId, 'deleted', bilingual('Posten er slettet', 'The record has been deleted')));
    }
    // Every path as sent must be the writer's to write, before any merge: a field one may not write is refused here,
    // not held back as a conflict that would hand its stored value back.
    const asked = applySet(before ?? {}, op.set);
    const askedRefusal = refusalOf(() => writeRefusal(user, op.entity, before, asked, policy));
    if (askedRefusal) return refuse(before ? askedRefusal : NOT_WRITABLE);

    const missing = findPhotoHashes(op.set).filter((sha) => !blobs.has(sha));
    if (missing.length > 0) {
      return { opId, status: 'retry', error: { code: 'missing_blob', message: bilingual('Bildet mangler på serveren', 'The photo is not on the server'), issues: missing } };
    }
    const writes = findWrites.all(op.entity, op.id, op.baseRev) as PathWrite[];
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
    const refusal = writeRefusal(user, op.entity, before, after, policy);
    if (refusal) return refuse(before ? refusal : NOT_WRITABLE);
    // Only now, with the right settled: a dwelling allocated twice for the same time is refused, not given two tenants.
    const clash = op.entity === 'allocation' ? allocationRefusal(db, op.id, before, after, now) : null;
    if (clash) return log(raw, op.entity, op.id, op.baseRev, rejected(opId, clash.code, clash.message));
    writeRecord(op.entity, op.id, rev, after, false, opId);
    touchRecordsOf(db, op.entity, op.id, before, after, at);
    // A creation is marked once for the whole record rather than once per field: the same answer to "who wrote this
    // path after revision n", at a fraction of the writes.
    for (const path of row ? merged.written : [WHOLE_RECORD]) upsertWrite.run(op.entity, op.id, path, rev, request.clientId, user.id, at);
    if (merged.conflicts.length === 0) return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'applied', rev }, after);
    // A conflict shows the server's value only where the writer may read it.
    const view = readView(user, op.entity, { data: after }, policy);
    const conflicts = merged.conflicts.map(({ server, ...c }) => {
      const byName = nameOf(c.by);
      const readable = view !== null && deepEqual(readPath(view, c.path) ?? null, server ?? null);
      return { ...c, ...(readable ? { server } : {}), ...(byName ? { byName } : {}) };
    });
    return log(raw, op.entity, op.id, op.baseRev, { opId, status: 'conflict', rev, conflicts }, after);
  };

  return db.transaction(() => {
    for (const r of findOps.all(JSON.stringify(request.ops.map((o) => o.opId))) as (StoredOp & { op_id: string })[]) seenOps.set(r.op_id, r);
    const results: OpResult[] = [];
    let waiting = false;
    for (const raw of request.ops) {
      const seen = seenOps.get(raw.opId);
      if (seen) {
        if (seen.user_id !== user.id) {
          // Never hand one person's stored result (which may hold values) to another.
          results.push({ opId: raw.opId, status: 'rejected', error: { code: 'op_id_taken', message: bilingual('Endrings-ID-en er brukt av en annen', 'The change id is taken') } });
          continue;
        }
        results.push({ ...(JSON.parse(seen.result) as OpResult), status: 'duplicate', original: seen.status });
        continue;
      }
      // Ops of one installation apply in the order sent: once one must wait, so do all after it.
      if (waiting) {
        results.push({ opId: raw.opId, status: 'retry', error: { code: 'waiting', message: bilingual('Venter på en tidligere endring', 'Waiting for an earlier change') } });
        continue;
      }
      const result = decide(raw as Data & { opId: string });
      if (result.status === 'retry') waiting = true;
      results.push(result);
    }
    return results;
  }).immediate();
}
