/**
 * Online backup and checked restore of a data folder: the SQLite database through its online backup API (consistent
 * while the server writes), then the photo blobs the copied database references, with a manifest of SHA-256 sums.
 * A restore checks the whole backup before it replaces anything and gives the restored database a new generation id,
 * so every device pulls everything again instead of skipping changes (docs/decisions/005-database-generation.md).
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { loadMigrations, privateDatabaseFile, schemaVersion } from './database';

/** The database file's name in a data folder and in a backup. */
export const DB_FILE = 'egnet.sqlite';
/** The manifest's name in a backup folder; written last, so a backup without it is unfinished. */
export const MANIFEST_FILE = 'manifest.json';

const fileSchema = z.object({ path: z.string().regex(/^(egnet\.sqlite|blobs\/[0-9a-f]{64})$/), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** What a backup holds: when it was made, of which schema and generation, how many rows, and every file's sum. */
export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int().min(0),
  generation: z.string().nullable(),
  counts: z.object({ records: z.record(z.string(), z.number().int()), users: z.number().int(), blobs: z.number().int() }),
  files: z.array(fileSchema).min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A backup or restore that cannot go on; the message says what to fix. */
export class BackupError extends Error {}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies a file through a temp name in the same folder, flushed, then renamed into place. */
function copyDurably(from: string, to: string): void {
  const temp = join(dirname(to), `.tmp-${randomUUID()}`);
  try {
    copyFileSync(from, temp);
    fsyncPath(temp);
    renameSync(temp, to);
  } finally {
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}

function readCounts(db: Database.Database): Manifest['counts'] {
  const records: Record<string, number> = {};
  for (const r of db.prepare('SELECT entity, COUNT(*) AS n FROM records GROUP BY entity ORDER BY entity').all() as { entity: string; n: number }[]) {
    records[r.entity] = r.n;
  }
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { records, users: count('users'), blobs: count('blobs') };
}

function readGeneration(db: Database.Database): string | null {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'generation'").get();
  if (!has) return null;
  return (db.prepare('SELECT id FROM generation LIMIT 1').get() as { id: string } | undefined)?.id ?? null;
}

/**
 * Backs up `dataDir` into `folder` (new or empty) while a server may be writing: the database first (SQLite's online
 * backup API), then every photo blob the copied database indexes. Blobs are named by their hash and never change, and
 * a blob's row is written only after its file, so every blob the copy references is on disk. The manifest comes last.
 */
export async function backup(dataDir: string, folder: string, now = new Date()): Promise<Manifest> {
  const source = join(dataDir, DB_FILE);
  if (!existsSync(source)) throw new BackupError(`Fant ingen database i ${dataDir} (EGNET_DATA_DIR) / No database in ${dataDir} (EGNET_DATA_DIR)`);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new BackupError(`${folder} er ikke tom; velg en ny mappe for sikkerhetskopien / ${folder} is not empty; choose a new folder for the backup`);
  }
  mkdirSync(join(folder, 'blobs'), { recursive: true, mode: 0o700 });
  const target = join(folder, DB_FILE);
  privateDatabaseFile(target);
  const src = new Database(source, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    // After a first step of 100 pages, the rest in one step: SQLite starts a backup over when another connection
    // writes between steps, so many small steps might never finish under a steady write load.
    await src.backup(target, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } finally {
    src.close();
  }
  const copy = new Database(target);
  let manifest: Manifest;
  try {
    // One self-contained file: no -wal beside it.
    copy.pragma('journal_mode = DELETE');
    const blobs = (copy.prepare('SELECT sha256 FROM blobs ORDER BY sha256').all() as { sha256: string }[]).map((b) => b.sha256);
    manifest = {
      format: 1,
      createdAt: now.toISOString(),
      schemaVersion: schemaVersion(copy),
      generation: readGeneration(copy),
      counts: readCounts(copy),
      files: [],
    };
    copy.close();
    fsyncPath(target);
    manifest.files.push({ path: DB_FILE, size: statSync(target).size, sha256: sha256File(target) });
    for (const sha of blobs) {
      const from = join(dataDir, 'blobs', sha);
      if (!existsSync(from)) throw new BackupError(`Bildet ${sha} mangler i ${join(dataDir, 'blobs')} / The photo ${sha} is missing from ${join(dataDir, 'blobs')}`);
      const to = join(folder, 'blobs', sha);
      copyDurably(from, to);
      const sum = sha256File(to);
      if (sum !== sha) throw new BackupError(`Bildet ${sha} i datamappen er skadet (feil SHA-256) / The photo ${sha} in the data folder is damaged (wrong SHA-256)`);
      manifest.files.push({ path: `blobs/${sha}`, size: statSync(to).size, sha256: sum });
    }
  } finally {
    if (copy.open) copy.close();
  }
  fsyncPath(join(folder, 'blobs'));
  const temp = join(folder, `.${MANIFEST_FILE}.tmp`);
  writeFileSync(temp, JSON.stringify(manifest, null, 2) + '\n');
  fsyncPath(temp);
  renameSync(temp, join(folder, MANIFEST_FILE));
  fsyncPath(folder);
  return manifest;
}

/** Reads and checks a backup: the manifest, then every file's size and SHA-256, then the database itself. */
export function verifyBackup(folder: string): Manifest {
  const file = join(folder, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new BackupError(`${folder} har ingen ${MANIFEST_FILE}: ikke en fullført sikkerhetskopi / ${folder} has no ${MANIFEST_FILE}: not a finished backup`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(`${file} er ikke gyldig JSON / ${file} is not valid JSON`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new BackupError(`${file} har feil form / ${file} is malformed: ${result.error.message}`);
  const manifest = result.data;
  if (!manifest.files.some((f) => f.path === DB_FILE)) throw new BackupError(`${file} nevner ingen ${DB_FILE} / ${file} lists no ${DB_FILE}`);
  for (const f of manifest.files) {
    const path = join(folder, f.path);
    if (!existsSync(path)) throw new BackupError(`${f.path} mangler i sikkerhetskopien / ${f.path} is missing from the backup`);
    if (statSync(path).size !== f.size || sha256File(path) !== f.sha256) {
      throw new BackupError(`${f.path} stemmer ikke med manifestet (størrelse eller SHA-256); sikkerhetskopien er skadet / ${f.path} does not match the manifest (size or SHA-256); the backup is damaged`);
    }
  }
  const newest = Math.max(0, ...loadMigrations().map((m) => m.version));
  if (manifest.schemaVersion > newest) {
    throw new BackupError(`Sikkerhetskopien har skjemaversjon ${manifest.schemaVersion}, denne versjonen av Egnet kjenner bare til ${newest}; installer den nyere versjonen først / The backup has schema version ${manifest.schemaVersion}, this version of Egnet knows up to ${newest}; install the newer version first`);
  }
  return manifest;
}

/**
 * Throws when another process has the database open (a running server): SQLite's exclusive lock cannot be taken
 * while any other connection holds the WAL file open.
 */
function assertNotInUse(dbFile: string): void {
  if (!existsSync(dbFile)) return;
  const db = new Database(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new BackupError(`Databasen i ${dirname(dbFile)} er i bruk (kjører serveren?); stopp serveren før gjenoppretting / The database in ${dirname(dbFile)} is in use (is the server running?); stop the server before restoring`);
    }
    throw err;
  } finally {
    db.close();
  }
}

/** What a restore did: the backup's manifest, the new generation id, and where the replaced database was kept. */
export type Restored = { manifest: Manifest; generation: string; previous: string | null };

/**
 * Restores the backup in `folder` into `dataDir`. Everything is checked and staged first (sums, schema version, the
 * database's own integrity check, no server on the folder); only then is the current database renamed aside (kept as
 * `egnet.sqlite.before-restore-<time>`) and the staged one renamed into place. Photos are added beside those already
 * there (they are named by their hash). The restored database gets a new generation id.
 */
export function restore(folder: string, dataDir: string, now = new Date()): Restored {
  const manifest = verifyBackup(folder);
  const live = join(dataDir, DB_FILE);
  assertNotInUse(live);
  mkdirSync(join(dataDir, 'blobs'), { recursive: true });
  const staged = join(dataDir, `.restore-${randomUUID()}.sqlite`);
  let generation: string;
  try {
    copyFileSync(join(folder, DB_FILE), staged);
    privateDatabaseFile(staged); // the copy takes the backup file's mode; the live file is private
    const db = new Database(staged, { fileMustExist: true });
    try {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`Databasen i sikkerhetskopien er skadet (${String(check)}) / The backup's database is damaged (${String(check)})`);
      generation = randomBytes(16).toString('hex');
      // A backup from before generations gets its generation table when it is migrated at the next start.
      if (readGeneration(db) !== null) db.prepare('UPDATE generation SET id = ?, since = ?').run(generation, now.toISOString());
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    fsyncPath(staged);
    for (const f of manifest.files) {
      if (f.path === DB_FILE) continue;
      const to = join(dataDir, f.path);
      if (!existsSync(to) || sha256File(to) !== f.sha256) copyDurably(join(folder, f.path), to);
    }
    fsyncPath(join(dataDir, 'blobs'));
    // Checked again just before the swap: a server started meanwhile must not have the file replaced under it.
    assertNotInUse(live);
    let previous: string | null = null;
    if (existsSync(live)) {
      const old = new Database(live, { fileMustExist: true });
      try {
        old.pragma('wal_checkpoint(TRUNCATE)');
        old.pragma('journal_mode = DELETE');
      } finally {
        old.close();
      }
      previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(live, previous);
    }
    for (const extra of ['-wal', '-shm']) rmSync(live + extra, { force: true });
    renameSync(staged, live);
    fsyncPath(dataDir);
    return { manifest, generation: readGenerationOf(live) ?? generation, previous };
  } finally {
    rmSync(staged, { force: true });
  }
}

function readGenerationOf(file: string): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return readGeneration(db);
  } finally {
    db.close();
  }
}
