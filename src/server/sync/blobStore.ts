/** Photo blobs on disk under `<data dir>/blobs/<sha256>`, each written to a temp file, flushed, then renamed into place. */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db';

/** A stored blob's type and size. */
export type BlobInfo = { sha256: string; mime: string; size: number };

/** The blobs of one data folder: files on disk, indexed in the `blobs` table once safely written. */
export class BlobStore {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'blobs');
    mkdirSync(this.dir, { recursive: true });
  }

  /** The blob's type and size, or undefined when the server does not have it. */
  info(sha256: string): BlobInfo | undefined {
    return this.db.prepare('SELECT sha256, mime, size FROM blobs WHERE sha256 = ?').get(sha256) as BlobInfo | undefined;
  }

  /** True when the server has the blob. */
  has(sha256: string): boolean {
    return this.info(sha256) !== undefined;
  }

  /** The blob's bytes, or undefined. */
  read(sha256: string): Buffer | undefined {
    if (!this.has(sha256)) return undefined;
    return readFileSync(join(this.dir, sha256));
  }

  /**
   * Stores bytes under their hash. Returns 'exists' when already stored, 'stored' when written now, 'mismatch' when
   * the bytes do not hash to `sha256` (nothing written). The index row is added only after file and folder are flushed,
   * so a crash leaves at most an unreferenced file, which the next upload of the same photo replaces.
   */
  put(sha256: string, bytes: Uint8Array, mime: string, userId: string, now: Date): 'exists' | 'stored' | 'mismatch' {
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return 'mismatch';
    if (this.has(sha256)) return 'exists';
    const target = join(this.dir, sha256);
    const temp = join(this.dir, `.tmp-${randomUUID()}`);
    try {
      const fd = openSync(temp, 'w', 0o600);
      try {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
      const dirFd = openSync(this.dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } finally {
      if (existsSync(temp)) rmSync(temp, { force: true });
    }
    this.db
      .prepare('INSERT OR IGNORE INTO blobs (sha256, mime, size, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(sha256, mime, bytes.length, now.toISOString(), userId);
    return 'stored';
  }
}
