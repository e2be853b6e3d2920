/**
 * The sync engine's one round: upload missing photos, push the outbox in order (batches of at most 200), store every
 * result, then pull changes after the cursor — each page applied with its cursor in one IndexedDB transaction.
 * Runs in the browser and in Node (fake-indexeddb and an injected fetch), so the fault-injection suite drives the
 * same code the app runs.
 */
import type { EntityName } from '../../core/entities';
import { findPhotoHashes } from '../../core/sync/photoRefs';
import {
  MAX_OPS_PER_PUSH,
  MAX_PULL_LIMIT,
  pullResponseSchema,
  pushResponseSchema,
  type Op,
  type OpResult,
  type PullResponse,
} from '../../core/sync/protocol';
import { rebase } from '../../core/sync/rebase';
import type { LocalText } from '../../core/text';
import type { ConflictEntry, EgnetDb, OutboxOp, RejectedOp, StoredRecord } from '../store/db';
import { ensureClientId, readMeta } from './meta';

/** Why a round did not finish. */
export type SyncFailureCode = 'signed_out' | 'unauthorized' | 'password_change' | 'network' | 'server' | 'busy' | 'refused' | 'stuck' | 'storage_full';

/** The outcome of one round. */
export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number }
  | { ok: false; code: SyncFailureCode; text: LocalText; retryAfterMs?: number };

/** What the engine needs from its surroundings; tests inject their own fetch and locks. */
/** A page of the change feed and the cursor it was asked for from. */
type FetchedPage = { from: { cursor: number; generation?: string | undefined }; page: PullResponse };

export type SyncClientOptions = {
  db: EgnetDb;
  /** The bearer token of the signed-in person, or null when nobody is (sync then waits). */
  getToken: () => string | null;
  /** Called on 401: the session is refused; sync pauses until the person signs in again. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  /** Prefix of API addresses ('' in the browser, the server's URL in Node). */
  baseUrl?: string;
  /** Cross-tab lock (navigator.locks); without it, only this tab's rounds are serialized. */
  locks?: Pick<LockManager, 'request'> | null;
  /** Give up on one request after this long (default 30 s). */
  timeoutMs?: number;
  pushBatch?: number;
  pullLimit?: number;
  now?: () => Date;
};

const TEXT: Record<SyncFailureCode, LocalText> = {
  signed_out: { nb: 'Ikke innlogget: endringene venter på enheten.', en: 'Not signed in: changes wait on this device.' },
  unauthorized: {
    nb: 'Innloggingen er utløpt. Logg inn igjen for å synkronisere; endringene er trygt lagret på enheten.',
    en: 'Your session has expired. Sign in again to sync; your changes are safe on this device.',
  },
  password_change: {
    nb: 'Bytt det midlertidige passordet for å synkronisere; endringene er trygt lagret på enheten.',
    en: 'Change the temporary password to sync; your changes are safe on this device.',
  },
  network: { nb: 'Får ikke kontakt med serveren. Prøver igjen senere.', en: 'Cannot reach the server. Will try again later.' },
  server: { nb: 'Serveren svarte med en feil. Prøver igjen senere.', en: 'The server answered with an error. Will try again later.' },
  busy: { nb: 'Serveren er opptatt. Prøver igjen senere.', en: 'The server is busy. Will try again later.' },
  refused: { nb: 'Serveren avviste synkroniseringen.', en: 'The server refused the sync.' },
  stuck: {
    nb: 'Noen endringer venter fortsatt på bilder som ikke er lastet opp. Prøver igjen senere.',
    en: 'Some changes still wait for photos that are not uploaded. Will try again later.',
  },
  storage_full: {
    nb: 'Serveren har ikke plass til flere bilder. Bildene og endringene med dem venter trygt på enheten; si fra til IT. Prøver igjen senere.',
    en: 'The server has no room for more photos. The photos and the changes with them wait safely on this device; tell IT. Will try again later.',
  },
};

/** A round that stopped; carries what to tell the person. */
class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    readonly retryAfterMs?: number,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** The op as it goes on the wire. */
function wire(op: OutboxOp): Op {
  return op.delete
    ? { opId: op.opId, entity: op.entity, id: op.id, baseRev: op.baseRev, delete: true }
    : { opId: op.opId, entity: op.entity, id: op.id, baseRev: op.baseRev, set: op.set ?? {} };
}

async function errorCode(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.clone().json()) as { error?: { code?: unknown } } | null;
    return typeof body?.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterMs(res: Response): number | undefined {
  const v = res.headers.get('Retry-After');
  if (!v) return undefined;
  const secs = Number(v);
  return Number.isFinite(secs) ? Math.max(0, secs * 1000) : undefined;
}

/** The sync engine of one device database. */
export class SyncClient {
  private readonly db: EgnetDb;
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly pullLimit: number;
  private pushBatch: number;
  /** Set in a round when the server answered 507 to a photo: the round then ends with `storage_full`. */
  private serverFull = false;
  private running: Promise<SyncOutcome> | null = null;
  private again = false;

  constructor(private readonly options: SyncClientOptions) {
    this.db = options.db;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pushBatch = Math.min(options.pushBatch ?? MAX_OPS_PER_PUSH, MAX_OPS_PER_PUSH);
    this.pullLimit = Math.min(options.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
  }

  /**
   * Runs a round, or — when one is running — asks it to run once more when done (a change made mid-round is not
   * left waiting for the next trigger). Never throws: failures come back as `{ ok: false }` and in `meta.lastError`.
   */
  sync(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let out: SyncOutcome;
      do {
        this.again = false;
        out = await this.locked();
      } while (this.again && out.ok);
      return out;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private locked(): Promise<SyncOutcome> {
    const locks = this.options.locks;
    // One sync at a time across tabs: the second tab waits its turn and then finds little left to do.
    return locks ? (locks.request('egnet-sync', () => this.round()) as unknown as Promise<SyncOutcome>) : this.round();
  }

  private async round(): Promise<SyncOutcome> {
    const now = () => (this.options.now ?? (() => new Date()))().toISOString();
    try {
      const token = this.options.getToken();
      if (!token) throw new SyncFailure('signed_out');
      const clientId = await ensureClientId(this.db);
      const pushed = await this.pushAll(token, clientId);
      const pulled = await this.pullAll(token);
      await this.db.transaction('rw', this.db.meta, async () => {
        await this.db.meta.put({ key: 'lastSync', value: now() });
        await this.db.meta.delete('lastError');
      });
      return { ok: true, pushed, pulled };
    } catch (err) {
      const f = err instanceof SyncFailure ? err : new SyncFailure('network', undefined, String(err));
      if (f.code === 'unauthorized') this.options.onUnauthorized?.();
      await this.db.meta
        .put({ key: 'lastError', value: { at: now(), code: f.code, text: TEXT[f.code] } })
        .catch(() => undefined);
      return { ok: false, code: f.code, text: TEXT[f.code], ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}) };
    }
  }

  /** A request with the token and a timeout; answers that are not 2xx become SyncFailures (413 is returned). */
  private async request(token: string, path: string, init: RequestInit = {}): Promise<Response> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.timeoutMs);
    let res: Response;
    try {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${token}`);
      res = await this.fetch(this.baseUrl + path, { ...init, headers, signal: abort.signal });
    } catch (err) {
      throw new SyncFailure('network', undefined, String(err));
    } finally {
      clearTimeout(timer);
    }
    if (res.ok || res.status === 404 || res.status === 413) return res;
    if (res.status === 401) throw new SyncFailure('unauthorized');
    // A temporary password refuses every request, not these ops: wait for the new password instead of rejecting them.
    if (res.status === 403 && (await errorCode(res)) === 'password_change_required') throw new SyncFailure('password_change');
    if (res.status === 429 || res.status === 503) throw new SyncFailure('busy', retryAfterMs(res));
    if (res.status === 507) throw new SyncFailure('storage_full', retryAfterMs(res));
    if (res.status >= 500) throw new SyncFailure('server', undefined, `HTTP ${res.status}`);
    throw new SyncFailure('refused', undefined, `HTTP ${res.status}: ${await res.text().catch(() => '')}`);
  }

  /** The answer's JSON checked against the contract; a cut-off or strange answer counts as no answer. */
  private async json<T>(res: Response, schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }): Promise<T> {
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      throw new SyncFailure('network', undefined, `unreadable answer: ${String(err)}`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncFailure('server', undefined, 'answer does not follow the contract');
    return parsed.data as T;
  }

  /** Pushes the outbox until it is empty (or only waits on photos); returns how many ops got a final result. */
  private async pushAll(token: string, clientId: string): Promise<number> {
    let decided = 0;
    let waitingRounds = 0;
    this.serverFull = false;
    for (;;) {
      const ops = await this.db.outbox.orderBy('seq').limit(this.pushBatch).toArray();
      if (ops.length === 0) return decided;
      const unusable = await this.uploadPhotos(token, ops);
      const res = await this.request(token, '/api/sync/push', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientId, ops: ops.map(wire) }),
      });
      if (res.status === 413) {
        if (this.pushBatch > 1) {
          this.pushBatch = Math.ceil(this.pushBatch / 2);
          continue;
        }
        await this.rejectLocally(ops[0]!, 'too_large', 'Endringen er for stor til å sendes / The change is too large to send');
        decided += 1;
        continue;
      }
      if (res.status === 404) throw new SyncFailure('refused', undefined, 'push endpoint not found');
      const { results } = await this.json(res, pushResponseSchema);
      if (results.length !== ops.length || results.some((r, i) => r.opId !== ops[i]!.opId)) {
        throw new SyncFailure('server', undefined, 'results do not match the ops sent');
      }
      const outcome = await this.storeResults(ops, results, unusable);
      decided += outcome.decided;
      if (outcome.retried > 0) {
        // Photos the server lacked are uploaded on the next pass; give up for this round after a few passes.
        waitingRounds += 1;
        if (waitingRounds > 3) throw new SyncFailure(this.serverFull ? 'storage_full' : 'stuck');
      }
    }
  }

  /**
   * Uploads every photo the ops point to that the server may not have yet (HEAD, then PUT). Returns the hashes that
   * cannot be uploaded from this device (not here, or the bytes no longer match their name).
   */
  private async uploadPhotos(token: string, ops: OutboxOp[]): Promise<Set<string>> {
    const unusable = new Set<string>();
    // A marked-up copy brings the original it links to: both are uploaded.
    for (const sha256 of findPhotoHashes(ops.map((o) => o.set ?? null))) {
      const row = await this.db.photos.get(sha256);
      if (row?.uploaded) continue;
      const head = await this.request(token, `/api/blobs/${sha256}`, { method: 'HEAD' });
      if (head.status === 200) {
        if (row) await this.db.photos.update(sha256, { uploaded: 1 });
        continue;
      }
      if (!row) {
        unusable.add(sha256);
        continue;
      }
      let put: Response;
      try {
        put = await this.request(token, `/api/blobs/${sha256}`, {
          method: 'PUT',
          headers: { 'Content-Type': row.mime },
          body: new Uint8Array(row.bytes),
        });
      } catch (err) {
        // 400: the stored bytes no longer hash to their name; resending cannot help.
        if (err instanceof SyncFailure && err.code === 'refused') {
          unusable.add(sha256);
          continue;
        }
        // 507: no room on the server now. The photo stays here for a later round; changes without photos go on.
        if (err instanceof SyncFailure && err.code === 'storage_full') {
          this.serverFull = true;
          continue;
        }
        throw err;
      }
      if (put.status === 413) unusable.add(sha256);
      else await this.db.photos.update(sha256, { uploaded: 1 });
    }
    return unusable;
  }

  /** Moves an op the server will never take into the "could not be saved" list, with a reason. */
  private async rejectLocally(op: OutboxOp, code: string, message: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.outbox, db.rejected, db.records], async () => {
      await db.rejected.put({ opId: op.opId, entity: op.entity, id: op.id, op, error: { code, message }, at: new Date().toISOString() });
      await db.outbox.delete(op.seq!);
      await this.rebaseRecords([[op.entity, op.id]]);
    });
  }

  /**
   * Stores the results of one push in one transaction: applied ops leave the outbox; conflicts and rejections are
   * kept for a person to see before their op leaves; `retry` ops stay queued.
   */
  private async storeResults(ops: OutboxOp[], results: OpResult[], unusable: Set<string>): Promise<{ decided: number; retried: number }> {
    const db = this.db;
    const at = new Date().toISOString();
    let decided = 0;
    let retried = 0;
    await db.transaction('rw', [db.outbox, db.conflicts, db.rejected, db.records, db.photos], async () => {
      const touched: [EntityName, string][] = [];
      // Collected and written in bulk: one request per table instead of one per op.
      const done: number[] = [];
      const conflicts: ConflictEntry[] = [];
      const refused: RejectedOp[] = [];
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        const r = results[i]!;
        const status = r.status === 'duplicate' ? (r.original ?? 'applied') : r.status;
        if (status === 'retry') {
          const missing = r.error?.code === 'missing_blob' ? ((r.error.issues ?? []) as string[]) : [];
          if (missing.some((sha) => unusable.has(sha))) {
            const message = 'Et bilde i endringen finnes ikke lenger på enheten / A photo in the change is no longer on this device';
            refused.push({ opId: op.opId, entity: op.entity, id: op.id, op, error: { code: 'photo_missing', message }, at });
            done.push(op.seq!);
            touched.push([op.entity, op.id]);
            decided += 1;
            continue;
          }
          for (const sha of missing) if (typeof sha === 'string') await db.photos.update(sha, { uploaded: 0 });
          await db.outbox.update(op.seq!, { status: 'retry', attempts: op.attempts + 1 });
          retried += 1;
          continue;
        }
        if (status === 'conflict') {
          for (const c of r.conflicts ?? []) {
            conflicts.push({
              opId: op.opId,
              path: c.path,
              entity: op.entity,
              id: op.id,
              mine: c.mine,
              server: c.server,
              by: c.by ?? '',
              ...(c.byName ? { byName: c.byName } : {}),
              at: c.at ?? at,
              createdAt: at,
            });
          }
        } else if (status === 'rejected') {
          refused.push({
            opId: op.opId,
            entity: op.entity,
            id: op.id,
            op,
            error: r.error ?? { code: 'rejected', message: 'Avvist / Rejected' },
            at,
          });
          touched.push([op.entity, op.id]);
        }
        done.push(op.seq!);
        decided += 1;
      }
      await db.conflicts.bulkPut(conflicts);
      await db.rejected.bulkPut(refused);
      await db.outbox.bulkDelete(done);
      // A rejected op's change is undone on screen: the record shows the server's version plus what is still queued.
      await this.rebaseRecords(touched);
    });
    return { decided, retried };
  }

  /** Recomputes records from their server version and the ops still queued; drops records left with neither. */
  private async rebaseRecords(keys: [EntityName, string][]): Promise<void> {
    const db = this.db;
    for (const [entity, id] of keys) {
      const rec = await db.records.get([entity, id]);
      if (!rec) continue;
      const pending = await db.outbox.where('[entity+id]').equals([entity, id]).toArray();
      if (rec.base === null && pending.length === 0) {
        await db.records.delete([entity, id]);
        continue;
      }
      const view = rebase(rec.base, rec.base === null && rec.rev > 0, pending);
      await db.records.put({ ...rec, data: view.data, deleted: view.deleted });
    }
  }

  /**
   * Pulls pages until the server has no more; returns how many changes were applied. A cursor stored without a
   * generation (by an app from before generations) is treated as "pull everything". The next page is asked for while
   * this one is written to the device, from where this page ends; if this page is dropped (another tab moved the
   * cursor), the one asked for ahead is dropped with it and the pull goes on from the stored cursor.
   */
  private async pullAll(token: string): Promise<number> {
    let applied = 0;
    let ahead: Promise<FetchedPage> | undefined;
    for (;;) {
      const fetched = await (ahead ?? this.fetchPage(token, await readMeta(this.db)));
      const { page } = fetched;
      ahead = page.hasMore ? this.fetchPage(token, { cursor: page.cursor, generation: page.generation }) : undefined;
      // Awaited (and its error thrown) in the next round, or dropped: never an unhandled rejection meanwhile.
      ahead?.catch(() => undefined);
      const result = await this.applyPage(fetched.from.cursor, fetched.from.generation, page);
      if (result === 'dropped') {
        ahead = undefined;
        continue;
      }
      applied += result;
      if (!page.hasMore) return applied;
    }
  }

  /** One page of changes after `from`. */
  private async fetchPage(token: string, from: FetchedPage['from']): Promise<FetchedPage> {
    const query = from.generation === undefined ? 'cursor=0' : `cursor=${from.cursor}&generation=${from.generation}`;
    const res = await this.request(token, `/api/sync/pull?${query}&limit=${this.pullLimit}`);
    if (res.status !== 200) throw new SyncFailure('refused', undefined, `pull answered ${res.status}`);
    return { from, page: await this.json<PullResponse>(res, pullResponseSchema) };
  }

  /**
   * Applies one page and stores its cursor in one transaction. For a record with queued ops, the server's version
   * becomes the base and the queued changes stay on top. A page that does not start where this device stands (another
   * tab moved the cursor meanwhile) is dropped and fetched again.
   *
   * A page of another generation than the stored one (the server's database was restored from a backup) starts a
   * full pull: every record here without queued ops is listed in `meta.resync`, each pulled record is struck off,
   * and when the last page has arrived the records still listed — gone from the restored server — are dropped.
   * Queued ops stay and are pushed on top of the restored state.
   */
  private async applyPage(from: number, fromGeneration: string | undefined, page: PullResponse): Promise<number | 'dropped'> {
    const db = this.db;
    return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
      const { cursor, generation } = await readMeta(db);
      if (generation !== fromGeneration || (generation !== undefined && cursor !== from)) return 'dropped' as const;
      const reset = page.generation !== generation;
      const queued = new Map<string, OutboxOp[]>();
      for (const op of await db.outbox.orderBy('seq').toArray()) {
        const k = `${op.entity}/${op.id}`;
        queued.set(k, [...(queued.get(k) ?? []), op]);
      }
      const queuedKeys = new Set(queued.keys());
      let resync: string[] | undefined;
      if (reset) {
        const all = (await db.records.toCollection().primaryKeys()) as [string, string][];
        resync = all.map(([e, i]) => `${e}/${i}`).filter((k) => !queuedKeys.has(k));
      } else {
        const row = await db.meta.get('resync');
        resync = Array.isArray(row?.value) ? (row.value as string[]) : undefined;
      }
      const keys = page.changes.map((c) => [c.entity, c.id] as [string, string]);
      const locals = await db.records.bulkGet(keys);
      const puts: StoredRecord[] = [];
      const deletes: [string, string][] = [];
      page.changes.forEach((change, i) => {
        const local = locals[i];
        // While pulling everything again after a restore, the server's revision may be lower than the one held here.
        if (local && local.rev > change.rev && !resync) return;
        const pending = queued.get(`${change.entity}/${change.id}`) ?? [];
        if (change.deleted && pending.length === 0) {
          if (local) deletes.push([change.entity, change.id]);
          return;
        }
        const base = change.deleted ? null : change.data;
        const view = rebase(base, change.deleted, pending);
        puts.push({
          entity: change.entity,
          id: change.id,
          rev: change.rev,
          base,
          data: view.data,
          deleted: view.deleted,
          // A deletion marker says nothing of who or when; a record kept for this device's own pending ops keeps its own.
          updatedAt: (pending.length > 0 && local ? local.updatedAt : change.updatedAt) ?? '',
          updatedBy: (pending.length > 0 && local ? local.updatedBy : change.updatedBy) ?? '',
          ...(change.updatedByName ? { updatedByName: change.updatedByName } : {}),
        });
      });
      await db.records.bulkPut(puts);
      await db.records.bulkDelete(deletes);
      await db.meta.put({ key: 'cursor', value: page.cursor });
      await db.meta.put({ key: 'generation', value: page.generation });
      if (resync) {
        const pulled = new Set(keys.map(([e, i]) => `${e}/${i}`));
        const left = resync.filter((k) => !pulled.has(k));
        if (page.hasMore) {
          await db.meta.put({ key: 'resync', value: left });
        } else {
          const gone = left.filter((k) => !queuedKeys.has(k)).map((k) => k.split('/', 2) as [string, string]);
          await db.records.bulkDelete(gone);
          await db.meta.delete('resync');
        }
      }
      return page.changes.length;
    });
  }
}
