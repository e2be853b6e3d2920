/** `npm start`: builds the app when dist/ is missing or older than its sources, then serves it with demo data (see serve.ts). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['src/app', 'src/core', 'index.html', 'vite.config.ts', 'public', 'package.json'];

/** Newest modification time of a file or of any file under a folder (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(join(ROOT, 'dist', 'index.html')) ? statSync(join(ROOT, 'dist', 'index.html')).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((p) => newest(join(ROOT, p))));
// A build named by EGNET_STATIC_DIR is served as it is; only the project's own dist/ is kept up to date.
if (!process.env.EGNET_STATIC_DIR && builtAt < sourcesAt) {
  console.log(builtAt ? 'Appen er endret; bygger på nytt … / The app changed; rebuilding …' : 'Bygger appen … / Building the app …');
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
}
// The newcomer's command: demo data and demo accounts on, and said so.
process.env.EGNET_DEMO ||= '1';
// A line per request is for operators (npm run serve); the newcomer's terminal shows warnings and errors only.
process.env.EGNET_LOG_LEVEL ||= 'warn';
if (/^(1|true|yes|on)$/i.test(process.env.EGNET_DEMO)) {
  console.log(
    '*** DEMO: demo-data og demo-kontoer med passord "demo" er slått på; for ekte bruk se README / demo data and demo accounts with password "demo" are on; for real use see README ***',
  );
}
await import('./serve');
