/** Sync endpoints (docs/sync-contract.md): POST /sync/push, GET /sync/pull, PUT|HEAD|GET /blobs/<sha256>. */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { batchRequestSchema, BLOB_MIME_TYPES, generationSchema, MAX_BLOB_BYTES, MAX_PULL_LIMIT, pushRequestSchema, sha256Schema, type OpResult } from '../../core/sync/protocol';
import { requireUser } from '../auth/requireUser';
import { blobsOf, photoLimitsOf, type AppEnv, type Deps } from '../env';
import { ApiError } from '../http/error';
import { readJson } from '../http/readJson';
import { applyPush, decideBatch } from './applyPush';
import { DEFAULT_MIN_FREE_BYTES } from '../health';
import { checkRoomFor, isStorageFull, sniffImageType, storageFull } from './photoLimits';
import { logPulled } from '../privacy/auditLog';
import { touchExpiredConsents } from '../privacy/visibilityChanges';
import { readChanges } from './readChanges';
import { mayReadBlob } from './blobAccess';
import type { SessionUser } from '../../core/entities';
import type { BlobStore } from '../store/blobStore';
import { bilingual } from '../../core/schemas/bilingual';

/** Largest push body: 200 ops of a few KiB each fit easily; bigger is refused with 413 before parsing. */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;
/** Largest all-or-nothing batch body: 20,000 dwellings of about 600 bytes each. */
export const BATCH_BODY_LIMIT = 32 * 1024 * 1024;

/** Thrown inside the batch's transaction to undo it when an op was not applied. */
class BatchRefused extends Error {
  constructor(readonly results: OpResult[]) {
    super('batch refused');
  }
}

const pullQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
    /** The generation the cursor belongs to; absent from apps made before generations. */
    generation: generationSchema.optional(),
  })
  .strict();

/** Reads a request body up to `max` bytes; throws 413 as soon as more arrives. */
async function readBytes(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('Content-Length') ?? NaN);
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

function tooLarge(): ApiError {
  return new ApiError(413, 'too_large', bilingual('Bildet er større enn 10 MiB', 'The photo is larger than 10 MiB'));
}

function parseHash(raw: string): string {
  const r = sha256Schema.safeParse(raw);
  if (!r.success) throw new ApiError(400, 'bad_hash', bilingual('Navnet må være SHA-256 i små heksadesimaler', 'The name must be a lowercase hex SHA-256'), r.error.issues);
  return r.data;
}

/** The sync routes, mounted under /api. */
export function syncRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const blobs = blobsOf(deps);

  app.post('/sync/push', requireUser(), async (c) => {
    const body = await readJson(c, pushRequestSchema, PUSH_BODY_LIMIT);
    const results = await applyPush(deps.store, c.get('user'), body, deps.now());
    c.get('metrics')?.pushResults(results);
    return c.json({ results });
  });

  // An administrator's registry import or its undo: every op decided as in a push, inside one transaction that is
  // rolled back unless all of them are applied. A body cut off on the way never reaches the database.
  app.post('/sync/batch', requireUser('admin'), async (c) => {
    const body = await readJson(c, batchRequestSchema, BATCH_BODY_LIMIT);
    let results: OpResult[];
    try {
      results = await deps.store.transaction(async (tx) => {
        const decided = await decideBatch(tx, c.get('user'), body, deps.now());
        if (decided.some((r) => r.status !== 'applied' && !(r.status === 'duplicate' && r.original === 'applied'))) throw new BatchRefused(decided);
        return decided;
      });
    } catch (err) {
      if (!(err instanceof BatchRefused)) throw err;
      const refused = err.results.flatMap((r, index) => (r.status === 'applied' || r.status === 'duplicate' ? [] : [{ index, ...r }]));
      throw new ApiError(
        422,
        'batch_refused',
        bilingual(
          `${refused.length} av ${err.results.length} endringer ble avvist; ingenting er lagret`,
          `${refused.length} of ${err.results.length} changes were refused; nothing was saved`,
        ),
        refused.slice(0, 100),
      );
    }
    c.get('metrics')?.pushResults(results);
    return c.json({ results });
  });

  app.get('/sync/pull', requireUser(), async (c) => {
    const q = pullQuerySchema.parse(c.req.query());
    const now = deps.now();
    // A consent that ran out with nobody editing the household stops sharing here, at the next sync.
    await touchExpiredConsents(deps.store, now);
    const page = await readChanges(deps.store, c.get('user'), q.cursor, q.limit, now, q.generation);
    await logPulled(deps.store, c.get('user').id, page.changes, now);
    return c.json(page);
  });

  // A photo is read only by who sent it or who sees it in a record they may read (blobAccess.ts); to anyone else it is
  // not there, as a photo the server never had: 404 either way, so the answer does not tell that it exists. A device
  // that gets 404 on HEAD uploads its copy (PUT), which makes the photo its sender's to read.
  // The right first: a person without it gets the same answer whether the server has the photo or not.
  const readableInfo = async (user: SessionUser, sha: string) => ((await mayReadBlob(deps.store, user, sha, deps.now())) ? blobs.info(sha) : undefined);

  app.on('HEAD', '/blobs/:sha256', requireUser(), async (c) => {
    const info = await readableInfo(c.get('user'), parseHash(c.req.param('sha256')));
    if (!info) return c.body(null, 404);
    return c.body(null, 200, { 'Content-Type': info.mime, 'Content-Length': String(info.size) });
  });

  app.get('/blobs/:sha256', requireUser(), async (c) => {
    const sha = parseHash(c.req.param('sha256'));
    const info = await readableInfo(c.get('user'), sha);
    const bytes = info && (await blobs.read(sha));
    if (!info || !bytes) throw new ApiError(404, 'not_found', bilingual('Bildet finnes ikke på serveren', 'The photo is not on the server'));
    // Named by its content, a photo never changes: the browser may keep it for good, for this session only (another
    // person's request on the same device carries another token, so it is asked of the server and its right checked).
    return c.body(new Uint8Array(bytes), 200, { 'Content-Type': info.mime, 'Cache-Control': 'private, max-age=31536000, immutable', Vary: 'Authorization' });
  });

  app.put('/blobs/:sha256', requireUser(), async (c) => {
    const sha = parseHash(c.req.param('sha256'));
    const mime = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(BLOB_MIME_TYPES as readonly string[]).includes(mime)) {
      throw new ApiError(415, 'unsupported_type', bilingual('Bildet må være JPEG, WebP eller PNG', 'The photo must be JPEG, WebP or PNG'));
    }
    const user = c.get('user');
    const limits = photoLimitsOf(deps);
    const minFree = deps.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES;
    // A photo the server has already costs nothing; one that could not fit is refused before its bytes are read.
    const declared = Number(c.req.header('Content-Length') ?? NaN);
    if (Number.isFinite(declared) && !(await blobs.has(sha))) await checkRoomFor(deps.store, deps.dataDir, user.id, declared, limits, minFree);
    const bytes = await readBytes(c.req.raw, MAX_BLOB_BYTES);
    if (createHash('sha256').update(bytes).digest('hex') !== sha) {
      throw new ApiError(400, 'hash_mismatch', bilingual('Bildets innhold stemmer ikke med navnet (SHA-256)', 'The bytes do not hash to the name (SHA-256)'));
    }
    // Bytes the server has already: whoever sends them (they hash to the name) may read them back from now on.
    if (await blobs.has(sha)) {
      await deps.store.addBlobUpload(sha, user.id, deps.now().toISOString());
      return c.json({ sha256: sha, stored: false }, 200);
    }
    if (sniffImageType(bytes) !== mime) {
      throw new ApiError(
        415,
        'type_mismatch',
        bilingual(`Innholdet er ikke et ${mime.slice(6).toUpperCase()}-bilde som oppgitt`, `The content is not a ${mime.slice(6).toUpperCase()} image as declared`),
      );
    }
    await checkRoomFor(deps.store, deps.dataDir, user.id, bytes.length, limits, minFree);
    let outcome: Awaited<ReturnType<BlobStore['put']>>;
    try {
      outcome = await blobs.put(sha, bytes, mime, user.id, deps.now());
    } catch (err) {
      if (isStorageFull(err)) throw storageFull();
      throw err;
    }
    if (outcome === 'mismatch') {
      throw new ApiError(400, 'hash_mismatch', bilingual('Bildets innhold stemmer ikke med navnet (SHA-256)', 'The bytes do not hash to the name (SHA-256)'));
    }
    // Stored by another request meanwhile: this sender may read it back all the same.
    if (outcome === 'exists') await deps.store.addBlobUpload(sha, user.id, deps.now().toISOString());
    return c.json({ sha256: sha, stored: outcome === 'stored' }, outcome === 'stored' ? 201 : 200);
  });

  return app;
}
