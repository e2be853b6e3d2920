/** The one place that opens a port: database, demo data, app and HTTP server, with a clean shutdown. */
import { serve } from '@hono/node-server';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_USERS } from '../core/demo/users';
import { createApp } from './app';
import { openStore } from './store/openStore';
import { demoAccountsLeft, hasDemoUsers, seedDemo } from './seed';
import { securityFromEnv } from './settings';
import { photoLimitsFromEnv } from './sync/photoLimits';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** How long requests in flight get to finish once the server is stopping. */
export const CLOSE_GRACE_MS = 10_000;

/** Where and how to run. */
export type ListenOptions = {
  port: number;
  /** Address to listen on; 127.0.0.1 unless HOST says otherwise (0.0.0.0 for every interface). */
  host?: string;
  dataDir: string;
  demo: boolean;
  /** Start even though demo accounts (password "demo") are in the database with demo off. */
  allowDemoAccounts?: boolean;
  staticDir?: string;
  minFreeBytes?: number;
};

/** A running server. */
export type Listening = { url: string; port: number; close: () => Promise<void> };

/**
 * Options from the environment: PORT (8080), HOST (127.0.0.1), EGNET_DATA_DIR (./data), EGNET_DEMO (off unless
 * 1/true/yes/on; `npm start` turns it on), EGNET_ALLOW_DEMO_ACCOUNTS (1 to start with demo off on a database that has them),
 * EGNET_STATIC_DIR (the built app; default dist/ under the project, served only when built), EGNET_MIN_FREE_MB (free
 * space in the data folder below which /api/health answers 503; 100).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultPort = 8080): ListenOptions {
  const port = env.PORT ? Number(env.PORT) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT må være et tall fra 0 til 65535, ikke "${env.PORT}" / PORT must be a number from 0 to 65535`);
  }
  const demo = /^(1|true|yes|on)$/i.test(env.EGNET_DEMO ?? '');
  const allowDemoAccounts = /^(1|true|yes|on)$/i.test(env.EGNET_ALLOW_DEMO_ACCOUNTS ?? '');
  const host = env.HOST || '127.0.0.1';
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
    return { port, host, dataDir, demo, allowDemoAccounts, staticDir, minFreeBytes };
  }
  const dist = join(ROOT, 'dist');
  return { port, host, dataDir, demo, allowDemoAccounts, minFreeBytes, ...(existsSync(join(dist, 'index.html')) ? { staticDir: dist } : {}) };
}

/** Migrates and (with demo on) seeds the database, then serves app and API; prints the URL and demo logins. */
export async function listen(options: ListenOptions, log: (line: string) => void = console.log): Promise<Listening> {
  mkdirSync(options.dataDir, { recursive: true });
  const store = await openStore(options.dataDir);
  try {
    await store.checkOnStart();
    if (!options.demo && !options.allowDemoAccounts && (await demoAccountsLeft(store)) > 0) {
      throw new Error(
        'Databasen har fortsatt demo-kontoer (passord "demo"); slett dem, eller start med EGNET_ALLOW_DEMO_ACCOUNTS=1 om det er meningen' +
          ' / The database still has the demo accounts (password "demo"); remove them, or start with EGNET_ALLOW_DEMO_ACCOUNTS=1 if that is intended',
      );
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  if (options.demo) await seedDemo(store, new Date());
  const app = createApp({ store, dataDir: options.dataDir, version, staticDir: options.staticDir, minFreeBytes: options.minFreeBytes, now: () => new Date(), security: securityFromEnv(process.env), photoLimits: photoLimitsFromEnv(process.env), ...(process.env.EGNET_METRICS_TOKEN ? { metricsToken: process.env.EGNET_METRICS_TOKEN } : {}) });

  const server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, () => ok(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      void store.close();
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
  if (options.demo && (await hasDemoUsers(store))) {
    log(`Demo-brukere (passord "${DEMO_PASSWORD}") / Demo users (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(11)} ${u.roles.join(', ').padEnd(11)} ${u.name}`);
  }

  let closing: Promise<void> | undefined;
  // Stop accepting, let requests in flight finish (at most CLOSE_GRACE_MS, then their connections are cut), and close
  // the store (SQLite folds its WAL into the file).
  const close = () =>
    (closing ??= new Promise<void>((done) => {
      const cut = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, CLOSE_GRACE_MS);
      server.close(() => {
        clearTimeout(cut);
        void store
          .close()
          .catch((err: unknown) => console.error(err))
          .finally(done);
      });
      // Keep-alive connections would hold close() open; idle ones can go right away.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }));
  return { url, port, close };
}
