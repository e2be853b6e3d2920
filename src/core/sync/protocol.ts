/** Wire format of the sync contract (docs/sync-contract.md): push, pull and photo references. */
import { z } from 'zod';
import { ENTITY_NAMES } from '../entities';

/** Most ops one push may carry. */
export const MAX_OPS_PER_PUSH = 200;
/** Most changes one pull may return. */
export const MAX_PULL_LIMIT = 1000;
/** Largest photo the server accepts, in bytes (10 MiB). */
export const MAX_BLOB_BYTES = 10 * 1024 * 1024;
/** Photo types the server accepts. */
export const BLOB_MIME_TYPES = ['image/jpeg', 'image/webp', 'image/png'] as const;

/** An entity name on the wire. */
export const entityNameSchema = z.enum(ENTITY_NAMES);
/** A photo's name: its SHA-256 in lowercase hex. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 i små heksadesimaler / lowercase hex SHA-256');

/**
 * A pointer from a record to a photo blob. A marked-up copy (arrows, circles, text drawn on a photo) is a photo of its
 * own whose `markupOf` names the photo it was drawn on; that photo is kept, and both blobs are uploaded and stored.
 */
export const photoRefSchema = z
  .object({
    sha256: sha256Schema,
    mime: z.enum(BLOB_MIME_TYPES),
    caption: z.string().max(500).optional(),
    takenAt: z.iso.datetime({ offset: true }),
    markupOf: sha256Schema.optional(),
  })
  .refine((p) => p.markupOf !== p.sha256, {
    path: ['markupOf'],
    message: 'En markert kopi kan ikke vise til seg selv / a marked-up copy cannot link to itself',
  });
export type PhotoRef = z.infer<typeof photoRefSchema>;

/** A path is a top-level field of `data`, or `field.key` for one entry of a map-valued field. */
export const pathSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_][A-Za-z0-9_.:-]*)?$/, 'Ugyldig sti / invalid path')
  // These names reach an object's prototype machinery in JavaScript; no schema field or item id uses them.
  .refine((p) => !/(^|\.)(__proto__|constructor|prototype)$/.test(p), 'Ugyldig sti / invalid path');

const opBase = {
  opId: z.uuid(),
  entity: entityNameSchema,
  id: z.uuid(),
  baseRev: z.number().int().min(0),
};

/** One change to one record: set some paths, or delete it. */
/** One op as the server checks it on its own (a failure rejects this op only). */
export const opSchema = z.union([
  z.object({ ...opBase, set: z.record(pathSchema, z.unknown()), delete: z.undefined().optional() }).strict(),
  z.object({ ...opBase, delete: z.literal(true), set: z.undefined().optional() }).strict(),
]);
export type Op = z.infer<typeof opSchema>;

/**
 * A push as the server checks it first: the envelope (400 when wrong). Each op is then checked on its own with
 * `opSchema`, and a bad op is `rejected` alone — an op from a newer app version must not block the ops behind it.
 */
export const pushRequestSchema = z
  .object({
    clientId: z.uuid(),
    ops: z.array(z.looseObject({ opId: z.uuid() })).min(1).max(MAX_OPS_PER_PUSH),
  })
  .strict();
/** Most ops one all-or-nothing batch (a registry import or its undo) may carry. */
export const MAX_OPS_PER_BATCH = 20_000;

/**
 * An all-or-nothing batch: ops checked one by one exactly as in a push, but stored only if every one is applied, so
 * an import that fails anywhere, or whose connection is lost, leaves nothing behind.
 */
export const batchRequestSchema = z
  .object({
    clientId: z.uuid(),
    ops: z.array(z.looseObject({ opId: z.uuid() })).min(1).max(MAX_OPS_PER_BATCH),
  })
  .strict();

/** A push as the app sends it. */
export type PushRequest = { clientId: string; ops: Op[] };

/**
 * A path held back: the server's value (absent when the writer may not read it), the op's value, and who wrote the
 * server's value when (user id, ISO time).
 */
export const conflictSchema = z.object({
  path: z.string(),
  server: z.unknown().optional(),
  mine: z.unknown(),
  by: z.string().optional(),
  byName: z.string().optional(),
  at: z.string().optional(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** The body of an API error and of a rejected op's `error`; for `missing_blob`, `issues` lists the missing hashes. */
export const apiErrorBodySchema = z.object({ code: z.string(), message: z.string(), issues: z.array(z.unknown()).optional() });

/** The server's decision on one op. */
export const opResultSchema = z.object({
  opId: z.string(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected', 'retry']),
  rev: z.number().int().optional(),
  conflicts: z.array(conflictSchema).optional(),
  error: apiErrorBodySchema.optional(),
  /** For `duplicate`: the status the op got when it was first applied. */
  original: z.enum(['applied', 'conflict', 'rejected']).optional(),
});
export type OpResult = z.infer<typeof opResultSchema>;

/** A push answer: one result per op, in the order sent. */
export const pushResponseSchema = z.object({ results: z.array(opResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/**
 * A record as the server sends it. A deletion marker (a deleted record, or one this user may not read) carries entity,
 * id, rev and `deleted` only: who changed it and when is not for someone who may not read it. A live record always
 * carries `updatedAt` and `updatedBy`.
 */
export const changeSchema = z
  .object({
    entity: entityNameSchema,
    id: z.string(),
    rev: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    deleted: z.boolean(),
    updatedAt: z.string().optional(),
    updatedBy: z.string().optional(),
    /** The name of the person behind `updatedBy`, when the server knows it. */
    updatedByName: z.string().optional(),
  })
  .refine((c) => c.deleted || (c.updatedAt !== undefined && c.updatedBy !== undefined), {
    message: 'En levende post mangler updatedAt/updatedBy / A live record lacks updatedAt/updatedBy',
  });
export type Change = z.infer<typeof changeSchema>;

/** A database generation id: 32 lowercase hex digits, replaced when the server's database is restored from a backup. */
export const generationSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Ugyldig generasjon / invalid generation');

/**
 * A pull answer: changes after the cursor, the new cursor, the generation it belongs to, and whether more wait. The
 * next pull sends both `cursor` and `generation`; a page whose generation differs from the one sent starts at 0.
 */
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().min(0),
  generation: generationSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
