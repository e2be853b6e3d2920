/** Photo blobs on disk under `<data dir>/blobs/<sha256>`, each written to a temp file, flushed, then renamed into place. */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobInfo, BlobStore } from '../blobStore';
import type { StoreTx } from '../store';

/** The blobs of one data folder (or a folder shared by every server process): files on disk, indexed in the database once safely written. */
export class FolderBlobStore implements BlobStore {
  readonly dir: string;

  constructor(
    private readonly index: StoreTx,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'blobs');
    mkdirSync(this.dir, { recursive: true });
  }

  info(sha256: string): Promise<BlobInfo | undefined> {
    return this.index.blobInfo(sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.info(sha256)) !== undefined;
  }

  async read(sha256: string): Promise<Buffer | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return readFile(join(this.dir, sha256));
  }

  /**
   * The index row is added only after file and folder are flushed, so a crash leaves at most an unreferenced file,
   * which the next upload of the same photo replaces.
   */
  async put(sha256: string, bytes: Uint8Array, mime: string, userId: string, now: Date): Promise<'exists' | 'stored' | 'mismatch'> {
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return 'mismatch';
    if (await this.has(sha256)) return 'exists';
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
    await this.index.addBlob({ sha256, mime, size: bytes.length, at: now.toISOString(), userId });
    return 'stored';
  }
}
