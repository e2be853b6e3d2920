/**
 * The storage port: everything the server keeps in its database, as asynchronous calls that say what they do, not how.
 * The rules (push, pull, policy, privacy, accounts, log-in) are written once against it; each engine has its own
 * adapter with its own SQL (store/sqlite, and PostgreSQL beside it). Engine-neutral by design: change numbers and
 * sequence numbers are JS numbers, times are ISO 8601 strings, JSON is read back parsed and written as JSON text
 * (the rules already hold the text, for size checks). See docs/decisions/014-storage-port.md.
 */
import type { AuditEntry } from '../../core/privacy/auditEntry';
import type { EntityName } from '../../core/entities';
import type { AccountLogEntry } from '../../core/schemas/account';
import type { PathWrite } from '../../core/sync/mergeOp';
import type { OpResult } from '../../core/sync/protocol';

type Data = Record<string, unknown>;

/** Which record: its entity and id. */
export type RecordKey = { entity: EntityName; id: string };

/** A record as stored, deleted ones too (their data stays for the audit trail). */
export type StoredRecord = {
  entity: EntityName;
  id: string;
  rev: number;
  data: Data;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
  /** The record's place in the change feed: its latest change number. */
  seq: number;
};

/** A record in the change feed, with the name of who changed it last (null when the account is gone). */
export type FeedRecord = StoredRecord & { updatedByName: string | null };

/** The next revision of a record, written with a new change number. */
export type RecordWrite = {
  entity: EntityName;
  id: string;
  rev: number;
  /** The record's data as JSON text. */
  dataJson: string;
  deleted: boolean;
  at: string;
  userId: string;
  /** The op that wrote it (null for a change not caused by an op). */
  opId: string | null;
  /**
   * True when the caller knows no row of this record was stored before (a creation): the photo index then has nothing
   * of an earlier version to clear. Left out, it is cleared. A stale entry would give no right anyway: a photo is read
   * only when the record, as the person sees it, still holds it (blobAccess.ts).
   */
  fresh?: boolean;
};

/** An op already decided: who sent it, how it ended, and the result given then. */
export type StoredOp = { opId: string; userId: string; status: 'applied' | 'conflict' | 'rejected'; result: OpResult };

/** A decided op for the op log. */
export type OpLogEntry = {
  opId: string;
  clientId: string | null;
  userId: string;
  entity: string;
  id: string;
  baseRev: number | null;
  /** The op as asked, JSON text (a refused op's bulk may be replaced by a note of its size). */
  opJson: string;
  status: StoredOp['status'];
  rev: number | null;
  /** The result, JSON text. */
  resultJson: string;
  at: string;
};

/** An account as stored. `roles` may hold roles this version no longer knows; the rules leave those out. */
export type UserRow = {
  id: string;
  username: string;
  name: string;
  passwordHash: string;
  roles: string[];
  createdAt: string;
  disabled: boolean;
  /** True while the password is a temporary one from an administrator. */
  mustChangePassword: boolean;
};

/** A session with its account. */
export type SessionRow = { createdAt: string; lastUsedAt: string; revokedAt: string | null; user: UserRow };

/** One line of a household's or a plan's access log, to append. */
export type HouseholdAuditLine = {
  at: string;
  userId: string;
  action: AuditEntry['action'];
  via: AuditEntry['via'];
  subjectType: 'household' | 'plan';
  subjectId: string;
  entity: EntityName;
  recordId: string;
  /** The fields read or written, sorted. */
  fields: string[];
};

/** One line of an account's change log, to append. */
export type AccountAuditLine = {
  at: string;
  actorId: string | null;
  userId: string;
  action: AccountLogEntry['action'];
  changes: AccountLogEntry['changes'];
};

/** A stored photo's type and size. */
export type BlobInfo = { sha256: string; mime: string; size: number };

/**
 * Every call the rules make. On the Store itself each call stands alone (its own transaction); on the `tx` of
 * `Store.transaction` the calls are one transaction. Reads return copies: changing them changes nothing stored.
 */
export interface StoreTx {
  // --- Records and the change feed -------------------------------------------------------------------------------
  /** The database's generation id, replaced by a restore (docs/decisions/005-database-generation.md). */
  generation(): Promise<string>;
  /** The newest change number (0 when nothing was ever written). */
  newestChange(): Promise<number>;
  /** Up to `limit` records whose latest change number is after `cursor`, in change order. */
  changesAfter(cursor: number, limit: number): Promise<FeedRecord[]>;
  /** The stored records with these keys (deleted ones too); missing keys are left out, order is not kept. */
  findRecords(keys: readonly RecordKey[]): Promise<StoredRecord[]>;
  /** Every live (not deleted) record of these entities, by id. */
  liveRecords(entities: readonly EntityName[]): Promise<StoredRecord[]>;
  /**
   * Records of these entities whose data field `field` (a top-level link: householdId, planId, dwellingId) is `id`;
   * `liveOnly` leaves deleted records out. The engine indexes these fields.
   */
  recordsLinkingTo(entities: readonly EntityName[], field: 'householdId' | 'planId' | 'dwellingId', id: string, liveOnly: boolean): Promise<StoredRecord[]>;
  /**
   * Writes a record's next revision under the next change number (created when new); returns the change number. The
   * photos the record points to are indexed with it (`recordsReferringTo`): none once it is deleted.
   */
  writeRecord(write: RecordWrite): Promise<number>;
  /** A new change number for the record without a new revision (who may see it changed); false when it does not exist. */
  touch(entity: EntityName, id: string, at: string): Promise<boolean>;
  /** Who last wrote which path of the record, for writes after revision `afterRev`. */
  pathWritesAfter(entity: EntityName, id: string, afterRev: number): Promise<PathWrite[]>;
  /** Marks these paths as written at revision `rev` (replacing earlier marks of the same paths). */
  markPathWrites(entity: EntityName, id: string, paths: readonly string[], rev: number, clientId: string | null, userId: string, at: string): Promise<void>;
  /** The ops among these ids that were decided already. */
  findOps(opIds: readonly string[]): Promise<StoredOp[]>;
  /** Adds a decided op to the op log. */
  logOp(entry: OpLogEntry): Promise<void>;
  /** Live households whose consent expired before `today` (YYYY-MM-DD) and whose expiry was not yet handled for that date. */
  expiredConsents(today: string): Promise<{ id: string; expiresAt: string }[]>;
  /** Notes that the household's consent expiry of `expiresAt` was handled. */
  markConsentExpiryHandled(householdId: string, expiresAt: string): Promise<void>;

  // --- Accounts ------------------------------------------------------------------------------------------------------
  userById(id: string): Promise<UserRow | undefined>;
  /** By username as stored (the rules normalise it first). */
  userByUsername(username: string): Promise<UserRow | undefined>;
  /** Every account, by name (case-insensitive), then username. */
  users(): Promise<UserRow[]>;
  /** The names of these accounts (missing ids are left out). */
  userNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** How many accounts there are; with `ids`, how many of those exist. */
  countUsers(ids?: readonly string[]): Promise<number>;
  /** Adds an account; a taken username throws (the rules check first). */
  insertUser(user: UserRow): Promise<void>;
  updateUser(id: string, change: { name: string; roles: readonly string[]; disabled: boolean }): Promise<void>;
  setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void>;
  /** The units a person is recorded as working for, as stored (the rules drop units this version no longer knows). */
  unitsOf(userId: string): Promise<string[]>;
  /** Replaces the units a person works for. */
  setUnits(userId: string, units: readonly string[]): Promise<void>;
  appendAccountAudit(line: AccountAuditLine): Promise<void>;
  /** An account's change log, newest first, at most `limit` lines. */
  accountLog(userId: string, limit: number): Promise<AccountLogEntry[]>;

  // --- Sessions ------------------------------------------------------------------------------------------------------
  insertSession(tokenHash: string, userId: string, at: string): Promise<void>;
  session(tokenHash: string): Promise<SessionRow | undefined>;
  /** Sets last use of a session not revoked. */
  touchSession(tokenHash: string, at: string): Promise<void>;
  revokeSession(tokenHash: string, at: string): Promise<void>;
  /** Revokes every open session of the person except `keepTokenHash`'s; returns how many. */
  revokeSessionsOf(userId: string, at: string, keepTokenHash?: string): Promise<number>;

  // --- Log-in throttling ---------------------------------------------------------------------------------------------
  /** Times of failed log-ins after `since`, newest first, at most `limit`; per address when `address` is given. */
  loginFailures(username: string, address: string | null, since: string, limit: number): Promise<string[]>;
  /** True when the person signed in from this address after `since`. */
  knownLoginAddress(username: string, address: string, since: string): Promise<boolean>;
  /** Counts a failed attempt and drops failures at or before `forgetUpTo`. */
  addLoginFailure(username: string, address: string, at: string, forgetUpTo: string): Promise<void>;
  /** Forgets this address's failures for the name, remembers the address at `at`, drops addresses at or before `forgetUpTo`. */
  loginSucceeded(username: string, address: string, at: string, forgetUpTo: string): Promise<void>;
  /** Forgets every failure of the name, from every address. */
  clearLoginFailures(username: string): Promise<void>;
  /**
   * Holds `key` until the transaction ends: another transaction locking the same key waits. Guards check-then-write
   * steps (the log-in limit) across server processes. SQLite has one writer at a time, so there it is a no-op.
   */
  lock(key: string): Promise<void>;

  // --- Access logs ---------------------------------------------------------------------------------------------------
  appendHouseholdAudit(lines: readonly HouseholdAuditLine[]): Promise<void>;
  /** A household's or plan's access log, newest first, `limit` lines with sequence numbers below `beforeSeq`. */
  householdAudit(subjectType: 'household' | 'plan', subjectId: string, limit: number, beforeSeq: number): Promise<AuditEntry[]>;

  // --- Photo index (the bytes are the BlobStore's) -------------------------------------------------------------------
  blobInfo(sha256: string): Promise<BlobInfo | undefined>;
  /** Indexes a stored photo and notes its uploader; a photo indexed already keeps its type, size and first uploader. */
  addBlob(blob: BlobInfo & { at: string; userId: string }): Promise<void>;
  /** Notes that `userId` sent the photo's bytes (again, or after someone else): they may read it back. */
  addBlobUpload(sha256: string, userId: string, at: string): Promise<void>;
  /** True when `userId` sent the photo's bytes (the first uploader or a later one). */
  uploadedBlob(sha256: string, userId: string): Promise<boolean>;
  /** The live records whose data points to the photo (an indexed look-up, not a scan). */
  recordsReferringTo(sha256: string): Promise<StoredRecord[]>;
  /** Bytes of photos uploaded by `userId`, and of all photos. */
  blobBytes(userId: string | null): Promise<{ mine: number; total: number }>;
}

/** The database as the server sees it: every call of StoreTx standing alone, transactions, and the engine's upkeep. */
export interface Store extends StoreTx {
  /** Which engine, for /api/health. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `work` as one write transaction: all of it or none. Transactions never interleave with each other, and no
   * statement of another request runs inside one. `work` must await only calls on `tx` (nothing slow: no password
   * hashing, no network), and may be run again by an engine that retries a transaction that lost a race, so it must
   * not change anything outside `tx`.
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Checks the database on start (SQLite: PRAGMA quick_check); throws with a message saying what to do when it is damaged. */
  checkOnStart(): Promise<void>;
  /** False when the database cannot be read now (the file was removed or damaged, the server is gone). */
  healthy(): Promise<boolean>;
  /** Bytes the database takes (for /metrics), or null when the engine cannot tell. */
  databaseBytes(): Promise<number | null>;
  /** Closes the database; nothing may be called after. */
  close(): Promise<void>;
}
