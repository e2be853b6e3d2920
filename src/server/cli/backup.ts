/** `npm run backup -- <folder>`: a consistent backup of EGNET_DATA_DIR (./data) into a new folder, also while the server runs. */
import { resolve } from 'node:path';
import { backup, BackupError } from '../store/sqlite/backup';

if (process.env.EGNET_DATABASE_URL) {
  // On PostgreSQL the database is backed up and restored with PostgreSQL's own tools (README "Run on PostgreSQL").
  console.error(
    'npm run backup gjelder SQLite; på PostgreSQL brukes pg_dump/pg_restore (eller klyngens egne sikkerhetskopier) og en kopi av bildemappen' +
      ' / npm run backup is for SQLite; on PostgreSQL use pg_dump/pg_restore (or the cluster\'s own backups) and a copy of the photo folder',
  );
  process.exit(1);
}
const folder = process.argv[2];
if (!folder) {
  console.error('Bruk / Usage: npm run backup -- <ny mappe / new folder>');
  process.exit(1);
}
const dataDir = resolve(process.env.EGNET_DATA_DIR || './data');
try {
  const started = Date.now();
  const m = await backup(dataDir, resolve(folder));
  const bytes = m.files.reduce((sum, f) => sum + f.size, 0);
  const records = Object.values(m.counts.records).reduce((a, b) => a + b, 0);
  console.log(
    `Sikkerhetskopi / Backup: ${resolve(folder)} — ${records} records, ${m.counts.users} users, ${m.counts.blobs} photos, ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MiB, schema ${m.schemaVersion}, ${Date.now() - started} ms`,
  );
} catch (err) {
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
}
