/**
 * Reading and changing records on the device. Every change writes the record and its outbox op in the same
 * IndexedDB transaction, so a change the screen shows as saved is always also queued for the server.
 *
 * ```ts
 * const dwellings = repo<Dwelling>('dwelling');
 * const id = await dwellings.create({ address: 'Gata 1', … });   // new record, op with baseRev 0
 * await dwellings.put(id, { floor: 2 });                           // top-level fields
 * await dwellings.setPath(id, 'answers.fire.smokeDetectors', { value: 2 }); // one entry of a map field
 * await dwellings.delete(id);
 * const list = useQuery(() => dwellings.list(), []);               // live: re-renders on every change
 * const own = await repo<Inspection>('inspection').listBy('dwellingId', id); // one dwelling's, through an index
 * ```
 */
import { ENTITY_NAMES, type EntityName } from '../../core/entities';
import { applySet } from '../../core/sync/applySet';
import { pathSchema } from '../../core/sync/protocol';
import { getSession } from '../session';
import type { EgnetDb, OutboxOp, StoredPhoto, StoredRecord } from './db';
import { deviceDb } from './deviceDb';
import { notifyLocalChange } from './localChange';
import { withReopen } from './withReopen';

/** A record as screens see it: the device's current view, with local changes applied. */
export type LocalRecord<T> = {
  entity: EntityName;
  id: string;
  /** The server revision this view is based on (0: never synced). */
  rev: number;
  data: T;
  updatedAt: string;
  updatedBy: string;
};

/** The record fields the device store indexes (schema version 2), for `listBy`. */
export type IndexedField = 'dwellingId' | 'status';

/** The operations on one entity's records. All writes resolve once the change is durably on the device. */
export type Repository<T> = {
  /** The record, or undefined when absent or deleted. */
  get(id: string): Promise<LocalRecord<T> | undefined>;
  /** Every record of the entity that is not deleted, optionally filtered. */
  list(filter?: (data: T) => boolean): Promise<LocalRecord<T>[]>;
  /**
   * Every record of the entity that is not deleted and whose indexed field (`dwellingId` or `status`) has the given
   * value, optionally filtered. Reads only those rows (index `[entity+data.<field>]`), so it costs the same with 50 or
   * 5,000 records, and a live query over it is not woken by writes to other rows (a draft's answers).
   */
  listBy(field: IndexedField, value: string, filter?: (data: T) => boolean): Promise<LocalRecord<T>[]>;
  /** Creates a record (id from `crypto.randomUUID()` unless given) and returns its id. */
  create(data: T, id?: string): Promise<string>;
  /** Writes the given top-level fields (creating the record when it does not exist yet). */
  put(id: string, patch: Partial<T>): Promise<void>;
  /** Writes one path: a top-level field, or `field.key` for one entry of a map (null clears the entry). */
  setPath(id: string, path: string, value: unknown): Promise<void>;
  /** Deletes the record (the server keeps it for the audit trail). */
  delete(id: string): Promise<void>;
};

/** Refused change (bad path, unknown entity, deleted record), with text for the person. */
export class ChangeRefusedError extends Error {
  constructor(
    message: string,
    readonly text: { nb: string; en: string },
  ) {
    super(message);
    this.name = 'ChangeRefusedError';
  }
}

/** The repository of one entity on the given database (the app's own by default). */
export function repo<T extends object = Record<string, unknown>>(entity: EntityName, db: EgnetDb = deviceDb()): Repository<T> {
  if (!(ENTITY_NAMES as readonly string[]).includes(entity)) {
    throw new ChangeRefusedError(`Unknown entity ${entity}`, { nb: `Ukjent posttype ${entity}`, en: `Unknown entity ${entity}` });
  }
  const view = (r: StoredRecord): LocalRecord<T> => ({
    entity: r.entity,
    id: r.id,
    rev: r.rev,
    data: r.data as T,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  });
  return {
    async get(id) {
      const r = await db.records.get([entity, id]);
      return r && !r.deleted ? view(r) : undefined;
    },
    async list(filter) {
      const rows = await db.records.where('entity').equals(entity).toArray();
      return rows.filter((r) => !r.deleted && (!filter || filter(r.data as T))).map(view);
    },
    async listBy(field, value, filter) {
      const rows = await db.records.where(`[entity+data.${field}]`).equals([entity, value]).toArray();
      return rows.filter((r) => !r.deleted && (!filter || filter(r.data as T))).map(view);
    },
    async create(data, id = crypto.randomUUID()) {
      await recordChange(db, entity, id, { set: data as Record<string, unknown> });
      return id;
    },
    put: (id, patch) => recordChange(db, entity, id, { set: patch as Record<string, unknown> }),
    setPath: (id, path, value) => recordChange(db, entity, id, { set: { [path]: value } }),
    delete: (id) => recordChange(db, entity, id, { delete: true }),
  };
}

/**
 * Writes one local change: the record's new view and its outbox op, in one transaction. Exported for the review
 * screens, whose choices become ops the same way.
 */
export async function recordChange(
  db: EgnetDb,
  entity: EntityName,
  id: string,
  change: { set: Record<string, unknown> } | { delete: true },
): Promise<void> {
  await recordChanges(db, [{ entity, id, change }]);
}

/** One change of `recordChanges`. */
export type RecordChange = { entity: EntityName; id: string; change: { set: Record<string, unknown> } | { delete: true } };

/**
 * Writes several local changes in one transaction: all of them are on the device, or none is (a completed checklist
 * and the actions it proposed). One flush for all, and the records read in one request, so twenty records cost about
 * what one does. `photos` (see preparePhoto) are stored in the same transaction, each once: a signature and the
 * checklist it signs are on the device together or not at all.
 */
export async function recordChanges(db: EgnetDb, changes: readonly RecordChange[], photos: readonly StoredPhoto[] = []): Promise<void> {
  const prepared = changes.map(({ entity, id, change }) => {
    if (!(ENTITY_NAMES as readonly string[]).includes(entity)) {
      throw new ChangeRefusedError(`Unknown entity ${entity}`, { nb: `Ukjent posttype ${entity}`, en: `Unknown entity ${entity}` });
    }
    if ('set' in change) {
      for (const path of Object.keys(change.set)) {
        if (!pathSchema.safeParse(path).success) {
          throw new ChangeRefusedError(`Invalid path ${path}`, { nb: `Ugyldig feltnavn «${path}»`, en: `Invalid field name "${path}"` });
        }
      }
    }
    // JSON round trip: what is queued is exactly what will be sent (no undefined, no Dates, no class instances).
    const set = 'set' in change ? (JSON.parse(JSON.stringify(change.set)) as Record<string, unknown>) : undefined;
    return { entity, id, set };
  });
  const now = new Date().toISOString();
  const userId = getSession()?.user.id ?? '';
  const tables = photos.length > 0 ? [db.records, db.outbox, db.photos] : [db.records, db.outbox];
  await withReopen(db, () =>
    db.transaction('rw', tables, async () => {
      if (photos.length > 0) {
        const have = await db.photos.bulkGet(photos.map((p) => p.sha256));
        const fresh = new Map(photos.filter((p, i) => !have[i]).map((p) => [p.sha256, p]));
        if (fresh.size > 0) await db.photos.bulkAdd([...fresh.values()]);
      }
      // One read for every record the changes touch, then every write issued at once: the transaction keeps their
      // order, and a failed write aborts the whole of it. A record changed twice in one call builds on its first change.
      const found = await db.records.bulkGet(prepared.map(({ entity, id }): [string, string] => [entity, id]));
      const current = new Map<string, StoredRecord | undefined>();
      const writes: [OutboxOp, StoredRecord][] = [];
      prepared.forEach(({ entity, id, set }, i) => {
        const key = `${entity}\u0000${id}`;
        const before = current.has(key) ? current.get(key) : found[i];
        if (before?.deleted) {
          throw new ChangeRefusedError(`Record ${entity}/${id} is deleted`, {
            nb: 'Posten er slettet og kan ikke endres.',
            en: 'The record is deleted and cannot be changed.',
          });
        }
        if (!before && !set) return;
        const op: OutboxOp = {
          opId: crypto.randomUUID(),
          entity,
          id,
          baseRev: before?.rev ?? 0,
          ...(set ? { set } : { delete: true as const }),
          createdAt: now,
          attempts: 0,
          status: 'pending',
        };
        const after: StoredRecord = {
          entity,
          id,
          rev: before?.rev ?? 0,
          base: before?.base ?? null,
          data: set ? applySet(before?.data ?? {}, set) : (before?.data ?? {}),
          deleted: !set,
          updatedAt: now,
          updatedBy: userId,
        };
        current.set(key, after);
        writes.push([op, after]);
      });
      // Issued only once every change is known to be allowed, so a refusal leaves no write behind.
      await Promise.all(writes.flatMap(([op, after]) => [db.outbox.add(op), db.records.put(after)]));
    }),
  );
  notifyLocalChange();
}
