/**
 * `npm run restore -- <folder>`: checks the backup in <folder> against its manifest, then replaces the database in
 * EGNET_DATA_DIR (./data) with it. The server must be stopped; the replaced database is kept beside it.
 */
import { resolve } from 'node:path';
import { BackupError, restore } from '../store/sqlite/backup';

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
