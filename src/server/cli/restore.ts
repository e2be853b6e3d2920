/**
 * `npm run restore -- <folder>`: checks the backup in <folder> against its manifest, then replaces the database in
 * EGNET_DATA_DIR (./data) with it. The server must be stopped; the replaced database is kept beside it.
 */
import { resolve } from 'node:path';
import { BackupError, restore } from '../store/sqlite/backup';

if (process.env.EGNET_DATABASE_URL) {
  // On PostgreSQL the database is backed up and restored with PostgreSQL's own tools (README "Run on PostgreSQL").
  console.error(
    'npm run restore gjelder SQLite; på PostgreSQL brukes pg_dump/pg_restore (eller klyngens egne sikkerhetskopier) og en kopi av bildemappen' +
      ' / npm run restore is for SQLite; on PostgreSQL use pg_dump/pg_restore (or the cluster\'s own backups) and a copy of the photo folder',
  );
  process.exit(1);
}
const folder = process.argv[2];
if (!folder) {
  console.error('Bruk / Usage: npm run restore -- <mappe med sikkerhetskopi / backup folder>');
  process.exit(1);
}
const dataDir = resolve(process.env.EGNET_DATA_DIR || './data');
try {
  const r = restore(resolve(folder), dataDir);
  console.log(`Gjenopprettet / Restored: ${resolve(folder)} (${r.manifest.createdAt}) → ${dataDir}`);
  if (r.previous) console.log(`Forrige database / Previous database kept as: ${r.previous}`);
  console.log(`Ny generasjon / New generation: ${r.generation} — enhetene henter alt på nytt / devices pull everything again`);
} catch (err) {
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
}
