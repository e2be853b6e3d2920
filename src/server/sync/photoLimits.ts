/**
 * What the server keeps of photos, and what it checks before it stores one: the bytes are the type they claim, the
 * uploader stays within their quota, all photos within the total, and the data folder keeps its free-space reserve for
 * the database, so a full disk never stops log-in or sync for everyone.
 */
import { statfsSync } from 'node:fs';
import type { BLOB_MIME_TYPES } from '../../core/sync/protocol';
import { bilingual } from '../../core/schemas/bilingual';
import type { StoreTx } from '../store/store';
import { ApiError } from '../http/error';

const MIB = 1024 * 1024;

type BlobMime = (typeof BLOB_MIME_TYPES)[number];

/** Photo quotas in bytes. */
export type PhotoLimits = {
  /** What one person may have uploaded in all (EGNET_PHOTO_QUOTA_MB, default 5 GiB). */
  perUserBytes: number;
  /** What all photos together may take (EGNET_PHOTO_TOTAL_MB, default 100 GiB). */
  totalBytes: number;
};

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { perUserBytes: 5 * 1024 * MIB, totalBytes: 100 * 1024 * MIB };

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} må være et helt antall MB fra 1, ikke "${raw}" / ${name} must be a whole number of MB from 1`);
  return n * MIB;
}

/** From the environment; a malformed value stops the start with a message. */
export function photoLimitsFromEnv(env: NodeJS.ProcessEnv): PhotoLimits {
  return {
    perUserBytes: megabytes(env, 'EGNET_PHOTO_QUOTA_MB', DEFAULT_PHOTO_LIMITS.perUserBytes),
    totalBytes: megabytes(env, 'EGNET_PHOTO_TOTAL_MB', DEFAULT_PHOTO_LIMITS.totalBytes),
  };
}

/** The type the bytes are, by their first bytes (magic numbers), or null when they are none of the accepted ones. */
export function sniffImageType(bytes: Uint8Array): BlobMime | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

const gb = (bytes: number) => (bytes / (1024 * MIB)).toLocaleString('nb-NO', { maximumFractionDigits: 1 });

/** 507: no room for this photo. What is already saved is untouched, and the device keeps the photo to send later. */
export function storageFull(): ApiError {
  return new ApiError(
    507,
    'storage_full',
    bilingual(
      'Serveren har ikke plass til flere bilder nå. Bildet venter trygt på enheten; si fra til IT.',
      'The server has no room for more photos now. The photo waits safely on the device; tell IT.',
    ),
  );
}

/**
 * Refuses (507) a photo of `size` bytes that would take the uploader past their quota, all photos past the total, or
 * the data folder below its free-space reserve. Photos the server has already are never counted again.
 */
export async function checkRoomFor(store: StoreTx, dataDir: string, userId: string, size: number, limits: PhotoLimits, minFreeBytes: number): Promise<void> {
  const used = await store.blobBytes(userId);
  if (used.mine + size > limits.perUserBytes) {
    throw new ApiError(
      507,
      'quota_exceeded',
      bilingual(
        `Du har lastet opp bilder for ${gb(used.mine)} GB, og grensen per person er ${gb(limits.perUserBytes)} GB. Bildet venter på enheten; be en administrator om mer plass.`,
        `You have uploaded ${gb(used.mine)} GB of photos, and the limit per person is ${gb(limits.perUserBytes)} GB. The photo waits on the device; ask an administrator for more room.`,
      ),
    );
  }
  if (used.total + size > limits.totalBytes) throw storageFull();
  let free = Number.POSITIVE_INFINITY;
  try {
    const fs = statfsSync(dataDir);
    free = fs.bavail * fs.bsize;
  } catch {
    // Free space unknown: the quotas above still hold, and a write that fails for want of room answers 507 too.
  }
  if (free - size < minFreeBytes) throw storageFull();
}

/** True for an error that means the disk (or the database file) is full. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
