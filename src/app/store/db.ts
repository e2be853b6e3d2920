/**
 * The device database `egnet` (Dexie over IndexedDB): every schema version the app has ever shipped is declared here,
 * in order, and never edited once shipped — a new version is appended, with an upgrade function when data must move.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { EntityName } from '../../core/entities';
import type { OpResult } from '../../core/sync/protocol';
import { dueIndexMiddleware, withDueKey, type DueKey } from './dueIndex';

/** A record as the device keeps it: the server's version (`base`, `rev`) and the view with local changes (`data`). */
export type StoredRecord = {
  entity: EntityName;
  id: string;
  /** The server's revision of `base`; 0 while the record has never come back from the server. */
  rev: number;
  /** What the screens show: `base` with every pending op of this record applied on top. */
  data: Record<string, unknown>;
  /** The server's data at `rev`, or null when the server has not sent this record yet. */
  base: Record<string, unknown> | null;
  /** True once deleted here or on the server (kept while ops are pending, hidden from lists). */
  deleted: boolean;
  /** When and by whom (user id) the shown version was last changed. */
  updatedAt: string;
  updatedBy: string;
  /** The name behind `updatedBy`, when the server sent it. */
  updatedByName?: string;
  /** Set by the store on a completed dwelling checklist (see dueIndex.ts); never written by hand. */
  due?: DueKey;
};

/** Where an outbox op stands. `pending`: waiting to be pushed; `retry`: the server asked for it again (photo missing). */
export type OutboxStatus = 'pending' | 'retry';

/** A local change waiting for the server: the wire op plus its place in the queue. */
export type OutboxOp = {
  /** Queue order (auto-increment): ops of one device are pushed in this order. */
  seq?: number;
  opId: string;
  entity: EntityName;
  id: string;
  baseRev: number;
  set?: Record<string, unknown>;
  delete?: true;
  createdAt: string;
  /** How many times the server answered `retry` for this op (a photo it lacked, or an earlier op that had to wait). */
  attempts: number;
  status: OutboxStatus;
};

/** A photo kept as bytes plus type (Safari has lost Blobs stored directly in IndexedDB). */
export type StoredPhoto = {
  sha256: string;
  bytes: ArrayBuffer;
  mime: string;
  size: number;
  /** 1 once the server has it (a number, because IndexedDB cannot index booleans). */
  uploaded: 0 | 1;
  createdAt: string;
};

/** One path the server held back: my value and the server's, who wrote the server's value and when. */
export type ConflictEntry = {
  opId: string;
  path: string;
  entity: EntityName;
  id: string;
  mine: unknown;
  server: unknown;
  /** User id, and name when the server sent it, of whoever wrote the server's value, and when. */
  by: string;
  byName?: string;
  at: string;
  createdAt: string;
};

/** An op the server refused to save, kept with its reason until the person fixes, retries, exports or discards it. */
export type RejectedOp = {
  opId: string;
  entity: EntityName;
  id: string;
  op: OutboxOp;
  error: NonNullable<OpResult['error']>;
  at: string;
};

/** Small named values: `cursor`, `generation`, `resync`, `clientId`, `lastSync`, `lastError` (see src/app/sync/meta.ts). */
export type MetaRow = { key: string; value: unknown };

/** One schema version: the Dexie store declarations and, when data must move, the upgrade that moves it. */
export type StoreVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void> | void;
};

/** Every shipped schema version, oldest first. Append only: tests/fixtures/dexie holds a filled database per version. */
export const STORE_VERSIONS: readonly StoreVersion[] = [
  {
    version: 1,
    stores: {
      records: '[entity+id], entity',
      outbox: '++seq, &opId, [entity+id]',
      photos: 'sha256, uploaded',
      conflicts: '[opId+path], [entity+id]',
      rejected: 'opId, [entity+id]',
      meta: 'key',
    },
  },
  {
    // A dwelling's checklists (and other records naming a dwelling), and an entity's records by status (the completed
    // checklists behind the verdicts), are read without scanning the whole entity. Records without the field (or with
    // null) are simply left out of that index.
    version: 2,
    stores: {
      records: '[entity+id], entity, [entity+data.dwellingId], [entity+data.status]',
    },
  },
  {
    // Each completed dwelling checklist carries a small key (dwelling, template, completion, red risk, TG3) that the
    // count of dwellings due reads from the index alone, without the checklists' answers (see dueIndex.ts).
    version: 3,
    stores: {
      records: '[entity+id], entity, [entity+data.dwellingId], [entity+data.status], due',
    },
    upgrade: async (tx) => {
      await tx
        .table('records')
        .where('entity')
        .equals('inspection')
        .modify((r: StoredRecord, ref: { value: StoredRecord }) => {
          ref.value = withDueKey(r);
        });
    },
  },
];

/** The name of the app's database. */
export const DB_NAME = 'egnet';

/** The typed Dexie database. */
export class EgnetDb extends Dexie {
  records!: Table<StoredRecord, [string, string]>;
  outbox!: Table<OutboxOp, number>;
  photos!: Table<StoredPhoto, string>;
  conflicts!: Table<ConflictEntry, [string, string]>;
  rejected!: Table<RejectedOp, string>;
  meta!: Table<MetaRow, string>;

  /**
   * Opens (lazily) the database with every version declared. Durability is strict for every transaction: a change
   * and its outbox op are on disk before the write resolves, at the cost of one flush per save. Dexie's query cache is
   * off: live queries read IndexedDB again after a change instead of keeping optimistic copies, which made every
   * write's transaction pay for cloning and bookkeeping (an answer's save took about 2 ms longer at p95 with it).
   * Node tests pass `{ indexedDB, IDBKeyRange }` from fake-indexeddb.
   */
  constructor(name: string = DB_NAME, options: DexieOptions = {}) {
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options });
    for (const v of STORE_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.use(dueIndexMiddleware);
  }
}
