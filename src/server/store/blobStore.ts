/**
 * The photo store port: bytes named by their SHA-256, written once and never changed. The folder adapter
 * (store/blobs/folderBlobStore.ts) keeps them in a folder every server process can reach; an S3-compatible adapter
 * would implement the same calls. What is stored is indexed in the database (Store.blobInfo), so quotas, backups and
 * every server process agree on it.
 */
import type { BlobInfo } from './store';

export type { BlobInfo };

export interface BlobStore {
  /** The blob's type and size, or undefined when the server does not have it. */
  info(sha256: string): Promise<BlobInfo | undefined>;
  /** True when the server has the blob. */
  has(sha256: string): Promise<boolean>;
  /** The blob's bytes, or undefined. */
  read(sha256: string): Promise<Buffer | undefined>;
  /**
   * Stores bytes under their hash: 'exists' when already stored, 'stored' when written now, 'mismatch' when the bytes
   * do not hash to `sha256` (nothing written). Indexed only once the bytes are safely stored.
   */
  put(sha256: string, bytes: Uint8Array, mime: string, userId: string, now: Date): Promise<'exists' | 'stored' | 'mismatch'>;
}
