/** Keeps a photo on the device as bytes plus type, named by its SHA-256, ready to upload before the op that uses it. */
import { BLOB_MIME_TYPES, MAX_BLOB_BYTES, type PhotoRef } from '../../core/sync/protocol';
import type { EgnetDb, StoredPhoto } from './db';
import { deviceDb } from './deviceDb';
import { withReopen } from './withReopen';

/** Lowercase hex SHA-256 of some bytes (Web Crypto, so it runs in browsers and in Node). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A photo ready to be stored: the row for the photo store and the reference to put in a record. */
export type PreparedPhoto = { ref: PhotoRef; row: StoredPhoto };

/**
 * Checks and names the photo (its SHA-256) without storing it, for a caller that stores it in its own transaction with
 * the records that use it (see recordChanges). `markupOf` links a marked-up copy to its original.
 */
export async function preparePhoto(
  bytes: ArrayBuffer | Uint8Array,
  mime: PhotoRef['mime'],
  options: { caption?: string; takenAt?: Date; markupOf?: string } = {},
): Promise<PreparedPhoto> {
  if (!(BLOB_MIME_TYPES as readonly string[]).includes(mime)) throw new RangeError(`Unsupported photo type ${mime}`);
  if (bytes.byteLength > MAX_BLOB_BYTES) throw new RangeError(`Photo larger than ${MAX_BLOB_BYTES} bytes`);
  // A copy of exactly these bytes: a Uint8Array may be a view into a larger buffer.
  const copy = bytes instanceof Uint8Array ? bytes.slice().buffer : bytes.slice(0);
  const sha256 = await sha256Hex(copy);
  return {
    row: { sha256, bytes: copy, mime, size: copy.byteLength, uploaded: 0, createdAt: new Date().toISOString() },
    ref: {
      sha256,
      mime,
      takenAt: (options.takenAt ?? new Date()).toISOString(),
      ...(options.caption ? { caption: options.caption } : {}),
      ...(options.markupOf && options.markupOf !== sha256 ? { markupOf: options.markupOf } : {}),
    },
  };
}

/**
 * Stores the photo's bytes (already shrunk and stripped of location by the camera screen) and returns the reference
 * to put in a record. Saving the same bytes twice stores them once. `markupOf` links a marked-up copy to its original.
 */
export async function savePhoto(
  bytes: ArrayBuffer | Uint8Array,
  mime: PhotoRef['mime'],
  options: { caption?: string; takenAt?: Date; db?: EgnetDb; markupOf?: string } = {},
): Promise<PhotoRef> {
  const db = options.db ?? deviceDb();
  const { ref, row } = await preparePhoto(bytes, mime, options);
  await withReopen(db, () =>
    db.transaction('rw', db.photos, async () => {
      if (await db.photos.get(row.sha256)) return;
      await db.photos.add(row);
    }),
  );
  return ref;
}
