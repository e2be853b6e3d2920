/**
 * The SQLite adapter of the storage port: every SQL statement the server runs on SQLite is here. better-sqlite3 is
 * synchronous, so each call runs at once; the adapter serialises calls and transactions with one in-process lock
 * (a transaction holds it from BEGIN IMMEDIATE to COMMIT), so no other request's statement lands inside a transaction.
 */
import type Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { statSync } from 'node:fs';
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
import { openDatabase, type Db } from './database';
import { checkHealth, quickCheck } from './health';
import { WriteLock } from './writeLock';

type RecordRow = { entity: EntityName; id: string; rev: number; data: string; deleted: 0 | 1; updated_at: string; updated_by: string; seq: number };
type UserTableRow = {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  roles: string;
  created_at: string;
  disabled: 0 | 1;
  must_change_password: 0 | 1;
};

const RECORD_COLUMNS = 'r.entity, r.id, r.rev, r.data, r.deleted, r.updated_at, r.updated_by, r.seq';
/** The top-level links the rules look records up by; only these names ever reach the SQL. */
const LINK_FIELDS = new Set(['householdId', 'planId', 'dwellingId']);

function toRecord(r: RecordRow): StoredRecord {
  return {
    entity: r.entity,
    id: r.id,
    rev: r.rev,
    data: JSON.parse(r.data) as Record<string, unknown>,
    deleted: r.deleted === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    seq: r.seq,
  };
}

function toUser(r: UserTableRow): UserRow {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    passwordHash: r.password_hash,
    roles: JSON.parse(r.roles) as string[],
    createdAt: r.created_at,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
  };
}

/** The port's calls on one connection, run at once (the lock is the Store's business). */
class SqliteCalls implements StoreTx {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Db) {}

  /** The statement for this SQL, prepared once. */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) this.statements.set(text, (s = this.db.prepare(text)));
    return s;
  }

  // --- Records and the change feed ---

  async generation(): Promise<string> {
    const row = this.sql('SELECT id FROM generation LIMIT 1').get() as { id: string } | undefined;
    if (!row) throw new Error('The database has no generation id (migration 006 missing)');
    return row.id;
  }

  async newestChange(): Promise<number> {
    return (this.sql('SELECT COALESCE(MAX(seq), 0) AS n FROM changes').get() as { n: number }).n;
  }

  async changesAfter(cursor: number, limit: number): Promise<FeedRecord[]> {
    const rows = this.sql(
      `SELECT ${RECORD_COLUMNS}, u.name FROM records r LEFT JOIN users u ON u.id = r.updated_by WHERE r.seq > ? ORDER BY r.seq LIMIT ?`,
    ).all(cursor, limit) as (RecordRow & { name: string | null })[];
    return rows.map((r) => ({ ...toRecord(r), updatedByName: r.name }));
  }

  async findRecords(keys: readonly RecordKey[]): Promise<StoredRecord[]> {
    if (keys.length === 0) return [];
    if (keys.length === 1) {
      const row = this.sql(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.entity = ? AND r.id = ?`).get(keys[0]!.entity, keys[0]!.id) as RecordRow | undefined;
      return row ? [toRecord(row)] : [];
    }
    // One query for the lot: the keys go in as one JSON array, each looked up by the primary key.
    const rows = this.sql(
      `SELECT ${RECORD_COLUMNS} FROM json_each(?) k JOIN records r ON r.entity = json_extract(k.value, '$[0]') AND r.id = json_extract(k.value, '$[1]')`,
    ).all(JSON.stringify(keys.map((k) => [k.entity, k.id]))) as RecordRow[];
    return rows.map(toRecord);
  }

  async liveRecords(entities: readonly EntityName[]): Promise<StoredRecord[]> {
    const rows = this.sql(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.entity IN (SELECT value FROM json_each(?)) AND r.deleted = 0 ORDER BY r.id`).all(
      JSON.stringify(entities),
    ) as RecordRow[];
    return rows.map(toRecord);
  }

  async recordsLinkingTo(entities: readonly EntityName[], field: 'householdId' | 'planId' | 'dwellingId', id: string, liveOnly: boolean): Promise<StoredRecord[]> {
    if (!LINK_FIELDS.has(field)) throw new Error(`Unknown link field ${field}`);
    // Spelled as the indexes are (migration 003), one statement per entity so SQLite can use them.
    const out: StoredRecord[] = [];
    for (const entity of entities) {
      const rows = this.sql(
        `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.entity = ? AND json_extract(r.data, '$.${field}') = ?${liveOnly ? ' AND r.deleted = 0' : ''}`,
      ).all(entity, id) as RecordRow[];
      for (const r of rows) out.push(toRecord(r));
    }
    return out;
  }

  async writeRecord(w: RecordWrite): Promise<number> {
    const seq = Number(this.sql('INSERT INTO changes (entity, id, rev, op_id, at) VALUES (?, ?, ?, ?, ?)').run(w.entity, w.id, w.rev, w.opId, w.at).lastInsertRowid);
    this.sql(
      `INSERT INTO records (entity, id, rev, data, deleted, updated_at, updated_by, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, id) DO UPDATE SET rev = excluded.rev, data = excluded.data, deleted = excluded.deleted,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by, seq = excluded.seq`,
    ).run(w.entity, w.id, w.rev, w.dataJson, w.deleted ? 1 : 0, w.at, w.userId, seq);
    if (!w.fresh) this.sql('DELETE FROM blob_refs WHERE entity = ? AND id = ?').run(w.entity, w.id);
    const refs = blobRefsOf(w.dataJson, w.deleted);
    if (refs.length > 0) {
      const addRef = this.sql('INSERT OR IGNORE INTO blob_refs (sha256, entity, id) VALUES (?, ?, ?)');
      for (const sha of refs) addRef.run(sha, w.entity, w.id);
    }
    return seq;
  }

  async touch(entity: EntityName, id: string, at: string): Promise<boolean> {
    const row = this.sql('SELECT rev FROM records WHERE entity = ? AND id = ?').get(entity, id) as { rev: number } | undefined;
    if (!row) return false;
    const seq = Number(this.sql('INSERT INTO changes (entity, id, rev, op_id, at) VALUES (?, ?, ?, NULL, ?)').run(entity, id, row.rev, at).lastInsertRowid);
    this.sql('UPDATE records SET seq = ? WHERE entity = ? AND id = ?').run(seq, entity, id);
    return true;
  }

  async pathWritesAfter(entity: EntityName, id: string, afterRev: number): Promise<PathWrite[]> {
    return this.sql('SELECT path, rev, client_id AS clientId, user_id AS userId, at FROM path_writes WHERE entity = ? AND id = ? AND rev > ?').all(
      entity,
      id,
      afterRev,
    ) as PathWrite[];
  }

  async markPathWrites(entity: EntityName, id: string, paths: readonly string[], rev: number, clientId: string | null, userId: string, at: string): Promise<void> {
    const upsert = this.sql(`INSERT INTO path_writes (entity, id, path, rev, client_id, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, id, path) DO UPDATE SET rev = excluded.rev, client_id = excluded.client_id, user_id = excluded.user_id, at = excluded.at`);
    for (const path of paths) upsert.run(entity, id, path, rev, clientId, userId, at);
  }

  async findOps(opIds: readonly string[]): Promise<StoredOp[]> {
    if (opIds.length === 0) return [];
    const rows = this.sql('SELECT op_id, user_id, status, result FROM applied_ops WHERE op_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(opIds)) as {
      op_id: string;
      user_id: string;
      status: StoredOp['status'];
      result: string;
    }[];
    return rows.map((r) => ({ opId: r.op_id, userId: r.user_id, status: r.status, result: JSON.parse(r.result) as OpResult }));
  }

  async logOp(e: OpLogEntry): Promise<void> {
    this.sql(
      `INSERT INTO applied_ops (op_id, client_id, user_id, entity, id, base_rev, op, status, rev, result, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.opId, e.clientId, e.userId, e.entity, e.id, e.baseRev, e.opJson, e.status, e.rev, e.resultJson, e.at);
  }

  async expiredConsents(today: string): Promise<{ id: string; expiresAt: string }[]> {
    return this.sql(
      `SELECT r.id, json_extract(r.data, '$.consent.expiresAt') AS expiresAt
       FROM records r LEFT JOIN consent_expiry_handled h ON h.household_id = r.id
       WHERE r.entity = 'household' AND r.deleted = 0
         AND json_extract(r.data, '$.consent.expiresAt') < ?
         AND (h.expires_at IS NULL OR h.expires_at <> json_extract(r.data, '$.consent.expiresAt'))`,
    ).all(today) as { id: string; expiresAt: string }[];
  }

  async markConsentExpiryHandled(householdId: string, expiresAt: string): Promise<void> {
    this.sql(
      'INSERT INTO consent_expiry_handled (household_id, expires_at) VALUES (?, ?) ON CONFLICT (household_id) DO UPDATE SET expires_at = excluded.expires_at',
    ).run(householdId, expiresAt);
  }

  // --- Accounts ---

  async userById(id: string): Promise<UserRow | undefined> {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserTableRow | undefined;
    return row && toUser(row);
  }

  async userByUsername(username: string): Promise<UserRow | undefined> {
    const row = this.sql('SELECT * FROM users WHERE username = ?').get(username) as UserTableRow | undefined;
    return row && toUser(row);
  }

  async users(): Promise<UserRow[]> {
    return (this.sql('SELECT * FROM users ORDER BY name COLLATE NOCASE, username').all() as UserTableRow[]).map(toUser);
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    const rows = this.sql('SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string; name: string }[];
    for (const r of rows) names.set(r.id, r.name);
    return names;
  }

  async countUsers(ids?: readonly string[]): Promise<number> {
    if (!ids) return (this.sql('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    return (this.sql('SELECT COUNT(*) AS n FROM users WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(ids)) as { n: number }).n;
  }

  async insertUser(u: UserRow): Promise<void> {
    this.sql(
      'INSERT INTO users (id, username, name, password_hash, roles, created_at, disabled, must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(u.id, u.username, u.name, u.passwordHash, JSON.stringify(u.roles), u.createdAt, u.disabled ? 1 : 0, u.mustChangePassword ? 1 : 0);
  }

  async updateUser(id: string, change: { name: string; roles: readonly string[]; disabled: boolean }): Promise<void> {
    this.sql('UPDATE users SET name = ?, roles = ?, disabled = ? WHERE id = ?').run(change.name, JSON.stringify(change.roles), change.disabled ? 1 : 0, id);
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    this.sql('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?').run(passwordHash, mustChangePassword ? 1 : 0, id);
  }

  async unitsOf(userId: string): Promise<string[]> {
    return (this.sql('SELECT unit FROM user_units WHERE user_id = ? ORDER BY unit').all(userId) as { unit: string }[]).map((r) => r.unit);
  }

  async setUnits(userId: string, units: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM user_units WHERE user_id = ?').run(userId);
      const add = this.sql('INSERT INTO user_units (user_id, unit) VALUES (?, ?)');
      for (const unit of new Set(units)) add.run(userId, unit);
    })();
  }

  async appendAccountAudit(l: AccountAuditLine): Promise<void> {
    this.sql('INSERT INTO account_audit (at, actor_id, user_id, action, changes) VALUES (?, ?, ?, ?, ?)').run(l.at, l.actorId, l.userId, l.action, JSON.stringify(l.changes));
  }

  async accountLog(userId: string, limit: number): Promise<AccountLogEntry[]> {
    const rows = this.sql(
      `SELECT a.seq, a.at, a.actor_id, u.name AS actor_name, a.action, a.changes FROM account_audit a
       LEFT JOIN users u ON u.id = a.actor_id WHERE a.user_id = ? ORDER BY a.seq DESC LIMIT ?`,
    ).all(userId, limit) as { seq: number; at: string; actor_id: string | null; actor_name: string | null; action: AccountLogEntry['action']; changes: string }[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      changes: JSON.parse(r.changes) as AccountLogEntry['changes'],
    }));
  }

  // --- Sessions ---

  async insertSession(tokenHash: string, userId: string, at: string): Promise<void> {
    this.sql('INSERT INTO sessions (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)').run(tokenHash, userId, at, at);
  }

  async session(tokenHash: string): Promise<SessionRow | undefined> {
    const row = this.sql(
      `SELECT s.created_at AS s_created_at, s.last_used_at AS s_last_used_at, s.revoked_at AS s_revoked_at, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ).get(tokenHash) as (UserTableRow & { s_created_at: string; s_last_used_at: string; s_revoked_at: string | null }) | undefined;
    if (!row) return undefined;
    return { createdAt: row.s_created_at, lastUsedAt: row.s_last_used_at, revokedAt: row.s_revoked_at, user: toUser(row) };
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    this.sql('UPDATE sessions SET last_used_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash);
  }

  async revokeSession(tokenHash: string, at: string): Promise<void> {
    this.sql('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash);
  }

  async revokeSessionsOf(userId: string, at: string, keepTokenHash?: string): Promise<number> {
    return this.sql('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?').run(at, userId, keepTokenHash ?? '').changes;
  }

  // --- Log-in throttling ---

  async loginFailures(username: string, address: string | null, since: string, limit: number): Promise<string[]> {
    const rows =
      address === null
        ? this.sql('SELECT at FROM login_failures WHERE username = ? AND at > ? ORDER BY at DESC LIMIT ?').all(username, since, limit)
        : this.sql('SELECT at FROM login_failures WHERE username = ? AND address = ? AND at > ? ORDER BY at DESC LIMIT ?').all(username, address, since, limit);
    return (rows as { at: string }[]).map((r) => r.at);
  }

  async knownLoginAddress(username: string, address: string, since: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM login_addresses WHERE username = ? AND address = ? AND at > ?').get(username, address, since) !== undefined;
  }

  async addLoginFailure(username: string, address: string, at: string, forgetUpTo: string): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM login_failures WHERE at <= ?').run(forgetUpTo);
      this.sql('INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)').run(username, address, at);
    })();
  }

  async loginSucceeded(username: string, address: string, at: string, forgetUpTo: string): Promise<void> {
    this.db.transaction(() => {
      this.sql('DELETE FROM login_failures WHERE username = ? AND address = ?').run(username, address);
      this.sql('DELETE FROM login_addresses WHERE at <= ?').run(forgetUpTo);
      this.sql('INSERT INTO login_addresses (username, address, at) VALUES (?, ?, ?) ON CONFLICT (username, address) DO UPDATE SET at = excluded.at').run(
        username,
        address,
        at,
      );
    })();
  }

  async clearLoginFailures(username: string): Promise<void> {
    this.sql('DELETE FROM login_failures WHERE username = ?').run(username);
  }

  async lock(): Promise<void> {
    // One writer at a time already: a transaction holds the database's write lock from its first statement.
  }

  // --- Access logs ---

  async appendHouseholdAudit(lines: readonly HouseholdAuditLine[]): Promise<void> {
    if (lines.length === 0) return;
    const insert = this.sql(`INSERT INTO household_audit (at, user_id, action, via, subject_type, subject_id, entity, record_id, fields)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // One flush for the lot (a whole pull page), not one per line.
    this.db.transaction(() => {
      for (const a of lines) insert.run(a.at, a.userId, a.action, a.via, a.subjectType, a.subjectId, a.entity, a.recordId, JSON.stringify(a.fields));
    })();
  }

  async householdAudit(subjectType: 'household' | 'plan', subjectId: string, limit: number, beforeSeq: number): Promise<AuditEntry[]> {
    const rows = this.sql(
      `SELECT a.seq, a.at, a.user_id, u.name, a.action, a.via, a.entity, a.record_id, a.fields
       FROM household_audit a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.subject_type = ? AND a.subject_id = ? AND a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    ).all(subjectType, subjectId, beforeSeq, limit) as {
      seq: number;
      at: string;
      user_id: string;
      name: string | null;
      action: AuditEntry['action'];
      via: AuditEntry['via'];
      entity: EntityName;
      record_id: string;
      fields: string;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      userName: r.name,
      action: r.action,
      via: r.via,
      entity: r.entity,
      recordId: r.record_id,
      fields: JSON.parse(r.fields) as string[],
    }));
  }

  // --- Photo index ---

  async blobInfo(sha256: string): Promise<BlobInfo | undefined> {
    return this.sql('SELECT sha256, mime, size FROM blobs WHERE sha256 = ?').get(sha256) as BlobInfo | undefined;
  }

  async addBlob(b: BlobInfo & { at: string; userId: string }): Promise<void> {
    this.sql('INSERT OR IGNORE INTO blobs (sha256, mime, size, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(b.sha256, b.mime, b.size, b.at, b.userId);
    await this.addBlobUpload(b.sha256, b.userId, b.at);
  }

  async addBlobUpload(sha256: string, userId: string, at: string): Promise<void> {
    this.sql('INSERT OR IGNORE INTO blob_uploads (sha256, user_id, at) VALUES (?, ?, ?)').run(sha256, userId, at);
  }

  async uploadedBlob(sha256: string, userId: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM blob_uploads WHERE sha256 = ? AND user_id = ?').get(sha256, userId) !== undefined;
  }

  async recordsReferringTo(sha256: string): Promise<StoredRecord[]> {
    const rows = this.sql(
      `SELECT ${RECORD_COLUMNS} FROM blob_refs b JOIN records r ON r.entity = b.entity AND r.id = b.id WHERE b.sha256 = ? AND r.deleted = 0`,
    ).all(sha256) as RecordRow[];
    return rows.map(toRecord);
  }

  async blobBytes(userId: string | null): Promise<{ mine: number; total: number }> {
    return this.sql('SELECT COALESCE(SUM(size), 0) AS mine, (SELECT COALESCE(SUM(size), 0) FROM blobs) AS total FROM blobs WHERE created_by = ?').get(userId ?? '') as {
      mine: number;
      total: number;
    };
  }
}

/** The store whose transaction the running code is part of, if any. */
const insideTransaction = new AsyncLocalStorage<SqliteStore>();

/** The calls of StoreTx, in the order they are declared: the Store runs each of them under its lock. */
const CALLS = Object.getOwnPropertyNames(SqliteCalls.prototype).filter((n) => n !== 'constructor' && n !== 'sql') as (keyof StoreTx)[];

/**
 * The Store on one better-sqlite3 connection (opened and migrated by openDatabase). `db` is the raw connection, for
 * SQLite-only upkeep (backup, checkpoints) and for tests that look at the tables.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the StoreTx calls are added in the constructor, each under the lock
export interface SqliteStore extends StoreTx {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  private readonly gate = new WriteLock();
  private readonly calls: SqliteCalls;

  constructor(readonly db: Db) {
    this.calls = new SqliteCalls(db);
    for (const name of CALLS) {
      const call = (this.calls[name] as (...args: unknown[]) => Promise<unknown>).bind(this.calls);
      Object.defineProperty(this, name, {
        configurable: true,
        value: (...args: unknown[]) => {
          this.refuseInsideTransaction(name);
          return this.gate.run(() => call(...args));
        },
      });
    }
  }

  /**
   * A call on the Store (not on `tx`) from inside a transaction's work would wait for that transaction to end, for
   * ever: it fails at once instead, naming the call.
   */
  private refuseInsideTransaction(name: string): void {
    if (this.gate.busy && insideTransaction.getStore() === this) {
      throw new Error(`Store.${name} called inside a transaction on this store; use the transaction's tx instead`);
    }
  }

  async transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.refuseInsideTransaction('transaction');
    return this.gate.run(() => insideTransaction.run(this, async () => {
      // IMMEDIATE: the write lock from the first statement, so a second process waits (busy_timeout) instead of failing later.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.calls);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    }));
  }

  async checkOnStart(): Promise<void> {
    await this.gate.run(() => quickCheck(this.db));
  }

  async healthy(): Promise<boolean> {
    return this.gate.run(() => checkHealth(this.db));
  }

  async databaseBytes(): Promise<number | null> {
    if (this.db.memory) return null;
    const size = (file: string) => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    return size(this.db.name) + size(`${this.db.name}-wal`);
  }

  async close(): Promise<void> {
    await this.gate.run(() => {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        this.db.close();
      }
    });
  }
}

/** Opens (creating and migrating as needed) the database file and returns the Store on it. */
export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(openDatabase(file));
}
