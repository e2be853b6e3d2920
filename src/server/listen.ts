/** The one place that opens a port: database, demo data, app and HTTP server, with a clean shutdown. */
import { serve } from '@hono/node-server';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_USERS } from '../core/demo/users';
import { createApp } from './app';
import { openDatabase } from './db';
import { quickCheck } from './health';
import { hasDemoUsers, seedDemo } from './seed';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where and how to run. */
export type ListenOptions = { port: number; dataDir: string; demo: boolean; staticDir?: string; minFreeBytes?: number };

/** A running server. */
export type Listening = { url: string; port: number; close: () => Promise<void> };

/**
 * Options from the environment: PORT (8080), EGNET_DATA_DIR (./data), EGNET_DEMO (on unless 0/false/no/off),
 * EGNET_STATIC_DIR (the built app; default dist/ under the project, served only when built), EGNET_MIN_FREE_MB (free
 * space in the data folder below which /api/health answers 503; 100).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultPort = 8080): ListenOptions {
  const port = env.PORT ? Number(env.PORT) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT må være et tall fra 0 til 65535, ikke "${env.PORT}" / PORT must be a number from 0 to 65535`);
  }
  const demo = !/^(0|false|no|off)$/i.test(env.EGNET_DEMO ?? '1');
  const minFreeMb = env.EGNET_MIN_FREE_MB ? Number(env.EGNET_MIN_FREE_MB) : 100;
  if (!Number.isFinite(minFreeMb) || minFreeMb < 0) {
    throw new Error(`EGNET_MIN_FREE_MB må være et tall ≥ 0, ikke "${env.EGNET_MIN_FREE_MB}" / EGNET_MIN_FREE_MB must be a number ≥ 0`);
  }
  const minFreeBytes = minFreeMb * 1024 * 1024;
  const dataDir = resolve(env.EGNET_DATA_DIR || './data');
  if (env.EGNET_STATIC_DIR) {
    // Asked for by name: a wrong folder must stop the start, not quietly serve the API alone.
    const staticDir = resolve(env.EGNET_STATIC_DIR);
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new Error(
        `EGNET_STATIC_DIR må peke på en bygget app (en mappe med index.html, som dist/ etter \`npm run build\`); ${staticDir} har ingen index.html` +
          ` / EGNET_STATIC_DIR must point at a built app (a folder with index.html, like dist/ after \`npm run build\`); ${staticDir} has no index.html`,
      );
    }
    return { port, dataDir, demo, staticDir, minFreeBytes };
  }
  const dist = join(ROOT, 'dist');
  return { port, dataDir, demo, minFreeBytes, ...(existsSync(join(dist, 'index.html')) ? { staticDir: dist } : {}) };
}

/** Migrates and (with demo on) seeds the database, then serves app and API; prints the URL and demo logins. */
export async function listen(options: ListenOptions, log: (line: string) => void = console.log): Promise<Listening> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'egnet.sqlite'));
  try {
    quickCheck(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  if (options.demo) await seedDemo(db, new Date());
  const app = createApp({ db, dataDir: options.dataDir, version, staticDir: options.staticDir, minFreeBytes: options.minFreeBytes, now: () => new Date() });

  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port }, () => ok(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      db.close();
      fail(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} er opptatt; velg en annen med PORT=… / Port ${options.port} is in use; choose another with PORT=…`)
          : err,
      );
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;

  log(`Egnet ${version} kjører på / is running at ${url}`);
  log(`Data: ${options.dataDir}`);
  if (options.demo && hasDemoUsers(db)) {
    log(`Demo-brukere (passord "${DEMO_PASSWORD}") / Demo users (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(11)} ${u.roles.join(', ').padEnd(11)} ${u.name}`);
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((done) => {
      server.close(() => {
        db.close();
        done();
      });
      // Keep-alive connections would hold close() open; idle ones can go right away.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));
  return { url, port, close };
}
