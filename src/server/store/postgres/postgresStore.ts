/**
 * The PostgreSQL adapter of the storage port: every SQL statement the server runs on PostgreSQL is here. Several
 * server processes may share one database. Store.transaction takes the change feed's counter row first
 * (changeFeed.ts, docs/decisions/010-postgres-change-feed.md), so write transactions run one at a time across all
 * processes, as on SQLite, and change numbers become visible in order; single calls outside a transaction run side by
 * side on the pool. A transaction's feed writes (changes, records, path marks, the op log) are sent as a few
 * multi-row statements before its next statement and before COMMIT (WriteBuffer), not one round trip each.
 */
import type pg from 'pg';
import type { AuditEntry } from '../../../core/privacy/auditEntry';
import type { EntityName } from '../../../core/entities';
import type { AccountLogEntry } from '../../../core/schemas/account';
import type { PathWrite } from '../../../core/sync/mergeOp';
import type { OpResult } from '../../../core/sync/protocol';
import type {
  AccountAuditLine,
  BlobInfo,
  FeedRecord,
  HouseholdAuditLine,
  OpLogEntry,
  RecordKey,
  RecordWrite,
  SessionRow,
  Store,
  StoredOp,
  StoredRecord,
  StoreTx,
  UserRow,
} from '../store';
import { blobRefsOf } from '../blobRefs';
import { takeFeed, type FeedNumbers } from './changeFeed';
import { openPool } from './connect';
import { migratePostgres } from './migrate';

type Data = Record<string, unknown>;
type RecordRow = { entity: EntityName; id: string; rev: number; data: Data; deleted: boolean; updated_at: string; updated_by: string; seq: number };
type UserTableRow = {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  roles: string[];
  created_at: string;
  disabled: boolean;
  must_change_password: boolean;
};

const RECORD_COLUMNS = 'r.entity, r.id, r.rev, r.data, r.deleted, r.updated_at, r.updated_by, r.seq';
/** The top-level links the rules look records up by; only these names ever reach the SQL. */
const LINK_FIELDS = new Set(['householdId', 'planId', 'dwellingId']);
/** Errors after which a whole transaction may simply run again. */
const RETRY_CODES = new Set(['40001', '40P01']);
const RETRIES = 5;

const toRecord = (r: RecordRow): StoredRecord => ({
  entity: r.entity,
  id: r.id,
  rev: r.rev,
  data: r.data,
  deleted: r.deleted,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  seq: r.seq,
});

const toUser = (r: UserTableRow): UserRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  passwordHash: r.password_hash,
  roles: r.roles,
  createdAt: r.created_at,
  disabled: r.disabled,
  mustChangePassword: r.must_change_password,
});

/** Runs one statement and returns its rows (and how many rows it changed). */
type Query = <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<{ rows: R[]; rowCount: number }>;

function queryOn(db: pg.Pool | pg.ClientBase): Query {
  return async <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => {
    const res = await db.query<R>(text, params);
    return { rows: res.rows, rowCount: res.rowCount ?? 0 };
  };
}

type PathMark = { entity: string; id: string; path: string; rev: number; clientId: string | null; userId: string; at: string };

/**
 * The feed writes of one transaction (change rows, record rows, path marks, the op log), held back and sent as one
 * multi-row statement per table before the transaction's next statement and before COMMIT: a push of 200 new records
 * takes four statements instead of 800 round trips. Change numbers are still taken from the feed's counter row as
 * each write is made, so the feed's design is unchanged; every read of the transaction sees the writes before it.
 */
class WriteBuffer {
  private changes: { seq: number; entity: string; id: string; rev: number; opId: string | null; at: string }[] = [];
  /** The last write of each record: an earlier write of the same record in the same flush is replaced. */
  private records = new Map<string, RecordWrite & { seq: number; refs: string[] }>();
  private paths = new Map<string, PathMark>();
  private ops: OpLogEntry[] = [];

  constructor(private readonly send: Query) {}

  record(w: RecordWrite, seq: number): void {
    this.changes.push({ seq, entity: w.entity, id: w.id, rev: w.rev, opId: w.opId, at: w.at });
    const key = `${w.entity}\u0000${w.id}`;
    // Deleted first, so the row keeps the position of its latest write (the order the rows are sent in).
    this.records.delete(key);
    this.records.set(key, { ...w, seq, refs: blobRefsOf(w.dataJson, w.deleted) });
  }

  pathMarks(marks: readonly PathMark[]): void {
    for (const m of marks) {
      const key = `${m.entity}\u0000${m.id}\u0000${m.path}`;
      this.paths.delete(key);
      this.paths.set(key, m);
    }
  }

  op(e: OpLogEntry): void {
    this.ops.push(e);
  }

  /** Sends what is held, in the order the rows depend on nothing: changes, records, path marks, ops. */
  async flush(): Promise<void> {
    if (this.changes.length === 0 && this.paths.size === 0 && this.ops.length === 0) return;
    // Taken out before the first await: a write made meanwhile waits for the next flush.
    const changes = this.changes;
    const records = [...this.records.values()];
    const paths = [...this.paths.values()];
    const ops = this.ops;
    this.changes = [];
    this.records = new Map();
    this.paths = new Map();
    this.ops = [];
    if (changes.length > 0) {
      await this.send(
        `INSERT INTO changes (seq, entity, id, rev, op_id, at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[])`,
        [changes.map((c) => c.seq), changes.map((c) => c.entity), changes.map((c) => c.id), changes.map((c) => c.rev), changes.map((c) => c.opId), changes.map((c) => c.at)],
      );
    }
    if (records.length > 0) {
      await this.send(
        `INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq)
         SELECT entity, id, rev, data::jsonb, deleted, updated_at, updated_by, seq
         FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::bigint[])
           AS w(entity, id, rev, data, deleted, updated_at, updated_by, seq)
         ON CONFLICT (entity, id) DO UPDATE SET rev = excluded.rev, data = excluded.data, deleted = excluded.deleted,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq`,
        [
          records.map((r) => r.entity),
          records.map((r) => r.id),
          records.map((r) => r.rev),
          records.map((r) => r.dataJson),
          records.map((r) => r.deleted),
          records.map((r) => r.at),
          records.map((r) => r.userId),
          records.map((r) => r.seq),
        ],
      );
      const replaced = records.filter((r) => !r.fresh);
      if (replaced.length > 0) {
        await this.send(`DELETE FROM blob_refs b USING unnest($1::text[], $2::text[]) AS w(entity, id) WHERE b.entity = w.entity AND b.id = w.id`, [
          replaced.map((r) => r.entity),
          replaced.map((r) => r.id),
        ]);
      }
      const refs = records.flatMap((r) => r.refs.map((sha) => [sha, r.entity, r.id] as const));
      if (refs.length > 0) {
        await this.send(`INSERT INTO blob_refs (sha256, entity, id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
          refs.map((r) => r[0]),
          refs.map((r) => r[1]),
          refs.map((r) => r[2]),
        ]);
      }
    }
    if (paths.length > 0) {
      await this.send(
        `INSERT INTO path_writes (entity, id, path, rev, client_id, user_id, at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (entity, id, path) DO UPDATE SET rev = excluded.rev, client_id = excluded.client_id, user_id = excluded.user_id, at = excluded.at`,
        [paths.map((m) => m.entity), paths.map((m) => m.id), paths.map((m) => m.path), paths.map((m) => m.rev), paths.map((m) => m.clientId), paths.map((m) => m.userId), paths.map((m) => m.at)],
      );
    }
    if (ops.length > 0) {
      await this.send(
        `INSERT INTO applied_ops (op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at)
         SELECT op_id, client_id, user_id, entity, id, base_rev, op::jsonb, status, rev, result::jsonb, at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[])
           AS o(op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at)`,
        [
          ops.map((e) => e.opId),
          ops.map((e) => e.clientId),
          ops.map((e) => e.userId),
          ops.map((e) => e.entity),
          ops.map((e) => e.id),
          ops.map((e) => e.baseRev),
          ops.map((e) => e.opJson),
          ops.map((e) => e.status),
          ops.map((e) => e.rev),
          ops.map((e) => e.resultJson),
          ops.map((e) => e.at),
        ],
      );
    }
  }
}

/**
 * The port's calls on one query function. Inside a transaction, `feed` is the counter row the transaction holds and
 * `atomic` runs on the same connection; on the pool, calls of several statements get a transaction of their own.
 */
class PostgresCalls implements StoreTx {
  constructor(
    private readonly q: Query,
    private readonly feed: FeedNumbers | null,
    private readonly atomic: <T>(work: (calls: PostgresCalls) => Promise<T>, withFeed: boolean) => Promise<T>,
    /** Inside a transaction: where its feed writes wait to be sent (`q` sends them first). */
    private readonly pending: WriteBuffer | null = null,
  ) {}

  // --- Records and the change feed ---

  async generation(): Promise<string> {
    const row = (await this.q<{ id: string }>('SELECT id FROM generation LIMIT 1')).rows[0];
    if (!row) throw new Error('The database has no generation id (migration 006 missing)');
    return row.id;
  }

  async newestChange(): Promise<number> {
    // The counter is the newest committed change (or this transaction's own newest).
    if (this.feed) return this.feed.last();
    return (await this.q<{ value: number }>("SELECT value FROM feed_counters WHERE feed = 'changes'")).rows[0]?.value ?? 0;
  }

  async changesAfter(cursor: number, limit: number): Promise<FeedRecord[]> {
    const rows = (
      await this.q<RecordRow & { name: string | null }>(
        `SELECT ${RECORD_COLUMNS}, u.name FROM records r LEFT JOIN users u ON u.id = r.updated_by WHERE r.seq > $1 ORDER BY r.seq LIMIT $2`,
        [cursor, limit],
      )
    ).rows;
    return rows.map((r) => ({ ...toRecord(r), updatedByName: r.name }));
  }

  async findRecords(keys: readonly RecordKey[]): Promise<StoredRecord[]> {
    if (keys.length === 0) return [];
    const rows = (
      await this.q<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM unnest($1::text[], $2::text[]) AS k(entity, id) JOIN records r ON r.entity = k.entity AND r.id = k.id`,
        [keys.map((k) => k.entity), keys.map((k) => k.id)],
      )
    ).rows;
    return rows.map(toRecord);
  }

  async liveRecords(entities: readonly EntityName[]): Promise<StoredRecord[]> {
    const rows = (
      await this.q<RecordRow>(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.entity = ANY($1::text[]) AND NOT r.deleted ORDER BY r.id COLLATE "C"`, [
        entities,
      ])
    ).rows;
    return rows.map(toRecord);
  }

  async recordsLinkingTo(entities: readonly EntityName[], field: 'householdId' | 'planId' | 'dwellingId', id: string, liveOnly: boolean): Promise<StoredRecord[]> {
    if (!LINK_FIELDS.has(field)) throw new Error(`Unknown link field ${field}`);
    // One statement per entity, spelled as the indexes are (migration 003): the planner sees the entity and uses them.
    const out: StoredRecord[] = [];
    for (const entity of entities) {
      const rows = (
        await this.q<RecordRow>(
          `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.entity = $1 AND (r.data ->> '${field}') = $2${liveOnly ? ' AND NOT r.deleted' : ''}`,
          [entity, id],
        )
      ).rows;
      for (const r of rows) out.push(toRecord(r));
    }
    return out;
  }

  async writeRecord(w: RecordWrite): Promise<number> {
    if (!this.feed) return this.atomic((tx) => tx.writeRecord(w), true);
    const seq = this.feed.next();
    if (this.pending) {
      this.pending.record(w, seq);
      return seq;
    }
    await this.q('INSERT INTO changes (seq, entity, id, rev, op_id, at) VALUES ($1, $2, $3, $4, $5, $6)', [seq, w.entity, w.id, w.rev, w.opId, w.at]);
    await this.q(
      `INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
       ON CONFLICT (entity, id) DO UPDATE SET rev = excluded.rev, data = excluded.data, deleted = excluded.deleted,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq`,
      [w.entity, w.id, w.rev, w.dataJson, w.deleted, w.at, w.userId, seq],
    );
    if (!w.fresh) await this.q('DELETE FROM blob_refs WHERE entity = $1 AND id = $2', [w.entity, w.id]);
    const refs = blobRefsOf(w.dataJson, w.deleted);
    if (refs.length > 0) {
      await this.q('INSERT INTO blob_refs (sha256, entity, id) SELECT sha, $2, $3 FROM unnest($1::text[]) AS sha ON CONFLICT DO NOTHING', [refs, w.entity, w.id]);
    }
    return seq;
  }

  async touch(entity: EntityName, id: string, at: string): Promise<boolean> {
    if (!this.feed) return this.atomic((tx) => tx.touch(entity, id, at), true);
    const row = (await this.q<{ rev: number }>('SELECT rev FROM records WHERE entity = $1 AND id = $2', [entity, id])).rows[0];
    if (!row) return false;
    const seq = this.feed.next();
    await this.q('INSERT INTO changes (seq, entity, id, rev, op_id, at) VALUES ($1, $2, $3, $4, NULL, $5)', [seq, entity, id, row.rev, at]);
    await this.q('UPDATE records SET seq = $1 WHERE entity = $2 AND id = $3', [seq, entity, id]);
    return true;
  }

  async pathWritesAfter(entity: EntityName, id: string, afterRev: number): Promise<PathWrite[]> {
    return (
      await this.q<PathWrite>(
        'SELECT path, rev, client_id AS "clientId", user_id AS "userId", at FROM path_writes WHERE entity = $1 AND id = $2 AND rev > $3',
        [entity, id, afterRev],
      )
    ).rows;
  }

  async markPathWrites(entity: EntityName, id: string, paths: readonly string[], rev: number, clientId: string | null, userId: string, at: string): Promise<void> {
    if (paths.length === 0) return;
    if (this.pending) {
      this.pending.pathMarks(paths.map((path) => ({ entity, id, path, rev, clientId, userId, at })));
      return;
    }
    await this.q(
      `INSERT INTO path_writes (entity, id, path, rev, client_id, user_id, at) SELECT $1, $2, p, $4, $5, $6, $7 FROM unnest($3::text[]) AS p
       ON CONFLICT (entity, id, path) DO UPDATE SET rev = excluded.rev, client_id = excluded.client_id, user_id = excluded.user_id, at = excluded.at`,
      [entity, id, [...new Set(paths)], rev, clientId, userId, at],
    );
  }

  async findOps(opIds: readonly string[]): Promise<StoredOp[]> {
    if (opIds.length === 0) return [];
    const rows = (
      await this.q<{ op_id: string; user_id: string; status: StoredOp['status']; result: OpResult }>(
        'SELECT op_id, user_id, status, result FROM applied_ops WHERE op_id = ANY($1::text[])',
        [opIds],
      )
    ).rows;
    return rows.map((r) => ({ opId: r.op_id, userId: r.user_id, status: r.status, result: r.result }));
  }

  async logOp(e: OpLogEntry): Promise<void> {
    if (this.pending) {
      this.pending.op(e);
      return;
    }
    await this.q(
      `INSERT INTO applied_ops (op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $11)`,
      [e.opId, e.clientId, e.userId, e.entity, e.id, e.baseRev, e.opJson, e.status, e.rev, e.resultJson, e.at],
    );
  }

  async expiredConsents(today: string): Promise<{ id: string; expiresAt: string }[]> {
    return (
      await this.q<{ id: string; expiresAt: string }>(
        `SELECT r.id, r.data -> 'consent' ->> 'expiresAt' AS "expiresAt"
         FROM records r LEFT JOIN consent_expiry_handled h ON h.household_id = r.id
         WHERE r.entity = 'household' AND NOT r.deleted
           AND (r.data -> 'consent' ->> 'expiresAt') < $1
           AND (h.expires_at IS NULL OR h.expires_at <> (r.data -> 'consent' ->> 'expiresAt'))`,
        [today],
      )
    ).rows;
  }

  async markConsentExpiryHandled(householdId: string, expiresAt: string): Promise<void> {
    await this.q(
      'INSERT INTO consent_expiry_handled (household_id, expires_at) VALUES ($1, $2) ON CONFLICT (household_id) DO UPDATE SET expires_at = excluded.expires_at',
      [householdId, expiresAt],
    );
  }

  // --- Accounts ---

  async userById(id: string): Promise<UserRow | undefined> {
    const row = (await this.q<UserTableRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
    return row && toUser(row);
  }

  async userByUsername(username: string): Promise<UserRow | undefined> {
    const row = (await this.q<UserTableRow>('SELECT * FROM users WHERE username = $1', [username])).rows[0];
    return row && toUser(row);
  }

  async users(): Promise<UserRow[]> {
    return (await this.q<UserTableRow>('SELECT * FROM users ORDER BY lower(name) COLLATE "C", username COLLATE "C"')).rows.map(toUser);
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    for (const r of (await this.q<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::text[])', [ids])).rows) names.set(r.id, r.name);
    return names;
  }

  async countUsers(ids?: readonly string[]): Promise<number> {
    const res = ids
      ? await this.q<{ n: number }>('SELECT count(*) AS n FROM users WHERE id = ANY($1::text[])', [[...new Set(ids)]])
      : await this.q<{ n: number }>('SELECT count(*) AS n FROM users');
    return res.rows[0]!.n;
  }

  async insertUser(u: UserRow): Promise<void> {
    await this.q(
      'INSERT INTO users (id, username, name, password_hash, roles, created_at, disabled, must_change_password) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)',
      [u.id, u.username, u.name, u.passwordHash, JSON.stringify(u.roles), u.createdAt, u.disabled, u.mustChangePassword],
    );
  }

  async updateUser(id: string, change: { name: string; roles: readonly string[]; disabled: boolean }): Promise<void> {
    await this.q('UPDATE users SET name = $1, roles = $2::jsonb, disabled = $3 WHERE id = $4', [change.name, JSON.stringify(change.roles), change.disabled, id]);
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.q('UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3', [passwordHash, mustChangePassword, id]);
  }

  async unitsOf(userId: string): Promise<string[]> {
    return (await this.q<{ unit: string }>('SELECT unit FROM user_units WHERE user_id = $1 ORDER BY unit COLLATE "C"', [userId])).rows.map((r) => r.unit);
  }

  async setUnits(userId: string, units: readonly string[]): Promise<void> {
    await this.atomic(async (tx) => {
      await tx.q('DELETE FROM user_units WHERE user_id = $1', [userId]);
      await tx.q('INSERT INTO user_units (user_id, unit) SELECT $1, u FROM unnest($2::text[]) AS u', [userId, [...new Set(units)]]);
    }, false);
  }

  async appendAccountAudit(l: AccountAuditLine): Promise<void> {
    await this.q('INSERT INTO account_audit (at, actor_id, user_id, action, changes) VALUES ($1, $2, $3, $4, $5::jsonb)', [
      l.at,
      l.actorId,
      l.userId,
      l.action,
      JSON.stringify(l.changes),
    ]);
  }

  async accountLog(userId: string, limit: number): Promise<AccountLogEntry[]> {
    const rows = (
      await this.q<{ seq: number; at: string; actor_id: string | null; actor_name: string | null; action: AccountLogEntry['action']; changes: AccountLogEntry['changes'] }>(
        `SELECT a.seq, a.at, a.actor_id, u.name AS actor_name, a.action, a.changes FROM account_audit a
         LEFT JOIN users u ON u.id = a.actor_id WHERE a.user_id = $1 ORDER BY a.seq DESC LIMIT $2`,
        [userId, limit],
      )
    ).rows;
    return rows.map((r) => ({ seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, changes: r.changes }));
  }

  // --- Sessions ---

  async insertSession(tokenHash: string, userId: string, at: string): Promise<void> {
    await this.q('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)', [tokenHash, userId, at]);
  }

  async session(tokenHash: string): Promise<SessionRow | undefined> {
    const row = (
      await this.q<UserTableRow & { s_created_at: string; s_last_used_at: string; s_revoked_at: string | null }>(
        `SELECT s.created_at AS s_created_at, s.last_used_at AS s_last_used_at, s.revoked_at AS s_revoked_at, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      )
    ).rows[0];
    if (!row) return undefined;
    return { createdAt: row.s_created_at, lastUsedAt: row.s_last_used_at, revokedAt: row.s_revoked_at, user: toUser(row) };
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.q('UPDATE sessions SET last_used_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, tokenHash]);
  }

  async revokeSession(tokenHash: string, at: string): Promise<void> {
    await this.q('UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, tokenHash]);
  }

  async revokeSessionsOf(userId: string, at: string, keepTokenHash?: string): Promise<number> {
    return (await this.q('UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL AND token_hash <> $3', [at, userId, keepTokenHash ?? '']))
      .rowCount;
  }

  // --- Log-in throttling ---

  async loginFailures(username: string, address: string | null, since: string, limit: number): Promise<string[]> {
    const res =
      address === null
        ? await this.q<{ at: string }>('SELECT at FROM login_failures WHERE username = $1 AND at > $2 ORDER BY at DESC LIMIT $3', [username, since, limit])
        : await this.q<{ at: string }>('SELECT at FROM login_failures WHERE username = $1 AND address = $2 AND at > $3 ORDER BY at DESC LIMIT $4', [
            username,
            address,
            since,
            limit,
          ]);
    return res.rows.map((r) => r.at);
  }

  async knownLoginAddress(username: string, address: string, since: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM login_addresses WHERE username = $1 AND address = $2 AND at > $3', [username, address, since])).rows.length > 0;
  }

  async addLoginFailure(username: string, address: string, at: string, forgetUpTo: string): Promise<void> {
    // One statement: the old failures go and the new one comes in together.
    await this.q('WITH gone AS (DELETE FROM login_failures WHERE at <= $4) INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)', [
      username,
      address,
      at,
      forgetUpTo,
    ]);
  }

  async loginSucceeded(username: string, address: string, at: string, forgetUpTo: string): Promise<void> {
    await this.atomic(async (tx) => {
      await tx.q('DELETE FROM login_failures WHERE username = $1 AND address = $2', [username, address]);
      await tx.q('DELETE FROM login_addresses WHERE at <= $1', [forgetUpTo]);
      await tx.q(
        'INSERT INTO login_addresses (username, address, at) VALUES ($1, $2, $3) ON CONFLICT (username, address) DO UPDATE SET at = excluded.at',
        [username, address, at],
      );
    }, false);
  }

  async clearLoginFailures(username: string): Promise<void> {
    await this.q('DELETE FROM login_failures WHERE username = $1', [username]);
  }

  async lock(key: string): Promise<void> {
    // Held until the transaction ends; outside a transaction there is nothing to hold it for.
    if (this.feed) await this.q('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  // --- Access logs ---

  async appendHouseholdAudit(lines: readonly HouseholdAuditLine[]): Promise<void> {
    if (lines.length === 0) return;
    // One statement for the lot (a whole pull page), not one per line.
    const col = <K extends keyof HouseholdAuditLine>(k: K) => lines.map((l) => l[k]);
    await this.q(
      `INSERT INTO household_audit (at, user_id, action, via, subject_type, subject_id, entity, record_id, fields)
       SELECT at, user_id, action, via, subject_type, subject_id, entity, record_id, fields::jsonb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS l(at, user_id, action, via, subject_type, subject_id, entity, record_id, fields)`,
      [
        col('at'),
        col('userId'),
        col('action'),
        col('via'),
        col('subjectType'),
        col('subjectId'),
        col('entity'),
        col('recordId'),
        lines.map((l) => JSON.stringify(l.fields)),
      ],
    );
  }

  async householdAudit(subjectType: 'household' | 'plan', subjectId: string, limit: number, beforeSeq: number): Promise<AuditEntry[]> {
    const rows = (
      await this.q<{
        seq: number;
        at: string;
        user_id: string;
        name: string | null;
        action: AuditEntry['action'];
        via: AuditEntry['via'];
        entity: EntityName;
        record_id: string;
        fields: string[];
      }>(
        `SELECT a.seq, a.at, a.user_id, u.name, a.action, a.via, a.entity, a.record_id, a.fields
         FROM household_audit a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.subject_type = $1 AND a.subject_id = $2 AND a.seq < $3 ORDER BY a.seq DESC LIMIT $4`,
        [subjectType, subjectId, Math.min(beforeSeq, Number.MAX_SAFE_INTEGER), limit],
      )
    ).rows;
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userName: r.name,
      action: r.action,
      via: r.via,
      entity: r.entity,
      recordId: r.record_id,
      fields: r.fields,
    }));
  }

  // --- Photo index ---

  async blobInfo(sha256: string): Promise<BlobInfo | undefined> {
    return (await this.q<BlobInfo>('SELECT sha256, mime, size FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
  }

  async addBlob(b: BlobInfo & { at: string; userId: string }): Promise<void> {
    // One statement: the photo and its uploader are indexed together.
    await this.q(
      `WITH stored AS (INSERT INTO blobs (sha256, mime, size, created_at, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING)
       INSERT INTO blob_uploads (sha256, user_id, at) VALUES ($1, $5, $4) ON CONFLICT DO NOTHING`,
      [b.sha256, b.mime, b.size, b.at, b.userId],
    );
  }

  async addBlobUpload(sha256: string, userId: string, at: string): Promise<void> {
    await this.q('INSERT INTO blob_uploads (sha256, user_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [sha256, userId, at]);
  }

  async uploadedBlob(sha256: string, userId: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM blob_uploads WHERE sha256 = $1 AND user_id = $2', [sha256, userId])).rows.length > 0;
  }

  async recordsReferringTo(sha256: string): Promise<StoredRecord[]> {
    const rows = (
      await this.q<RecordRow>(
        `SELECT ${RECORD_COLUMNS} FROM blob_refs b JOIN records r ON r.entity = b.entity AND r.id = b.id WHERE b.sha256 = $1 AND NOT r.deleted`,
        [sha256],
      )
    ).rows;
    return rows.map(toRecord);
  }

  async blobBytes(userId: string | null): Promise<{ mine: number; total: number }> {
    return (
      await this.q<{ mine: number; total: number }>(
        `SELECT COALESCE(SUM(size) FILTER (WHERE created_by = $1), 0)::bigint AS mine, COALESCE(SUM(size), 0)::bigint AS total FROM blobs`,
        [userId ?? ''],
      )
    ).rows[0]!;
  }
}

/** The calls of StoreTx: the Store forwards each to the pool (or, for calls of several statements, to a transaction). */
const CALLS = Object.getOwnPropertyNames(PostgresCalls.prototype).filter((n) => n !== 'constructor') as (keyof StoreTx)[];

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the StoreTx calls are added in the constructor
export interface PostgresStore extends StoreTx {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  private readonly calls: PostgresCalls;

  constructor(readonly pool: pg.Pool) {
    this.calls = new PostgresCalls(queryOn(pool), null, (work, withFeed) => this.run(work, withFeed));
    for (const name of CALLS) {
      const call = (this.calls[name] as (...args: unknown[]) => Promise<unknown>).bind(this.calls);
      Object.defineProperty(this, name, { value: call });
    }
  }

  /**
   * One transaction on a connection of its own: with `withFeed`, the feed's counter row is locked first, which also
   * keeps every other such transaction (in any process) out until this one ends. Runs `work` again after a deadlock
   * or a serialisation failure.
   */
  private async run<T>(work: (calls: PostgresCalls) => Promise<T>, withFeed: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const feed = withFeed ? await takeFeed(client) : null;
        const send = queryOn(client);
        const pending = new WriteBuffer(send);
        // Every statement of the transaction sends the held-back writes first, so it sees them.
        const q: Query = async <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => {
          await pending.flush();
          return send<R>(text, params);
        };
        const calls: PostgresCalls = new PostgresCalls(q, feed, (inner) => inner(calls), pending);
        const result = await work(calls);
        await pending.flush();
        await feed?.save();
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        const lost = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        client.release(lost ? (err as Error) : undefined);
        const code = (err as { code?: string }).code;
        if (attempt < RETRIES && code && RETRY_CODES.has(code)) continue;
        throw err;
      }
    }
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run(work, true);
  }

  async checkOnStart(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async healthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1 FROM generation LIMIT 1');
      return true;
    } catch {
      return false;
    }
  }

  async databaseBytes(): Promise<number | null> {
    return (await this.pool.query<{ n: number }>('SELECT pg_database_size(current_database())::bigint AS n')).rows[0]?.n ?? null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Connects to the database at `url` (postgres://…), migrates it (under the advisory lock) and returns the Store on it. */
export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
  const pool = openPool({ url, max: options.max ?? 10 });
  // An idle connection that breaks (the server restarted) is dropped from the pool, not thrown at the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresStore(pool);
}
