/** The server app on a fresh SQLite file in a temp folder, with a clock tests can move; for app.request() tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import type { Db } from '../../src/server/store/sqlite/database';
import { openSqliteStore, type SqliteStore } from '../../src/server/store/sqlite/sqliteStore';
import type { Deps } from '../../src/server/env';
import { seedDemo } from '../../src/server/seed';

/** A test app and what it runs on. */
export type TempApp = {
  app: ReturnType<typeof createApp>;
  /** The raw SQLite connection under the store, for looking at the tables. */
  db: Db;
  store: SqliteStore;
  deps: Deps;
  dataDir: string;
  /** Moves the app's clock forward. */
  advance: (ms: number) => void;
  /** Logs in through POST /api/session and returns the token (throws unless 200). */
  login: (username: string, password?: string) => Promise<string>;
  /** Closes the database and removes the temp folder. */
  close: () => void;
};

/** Builds the app on a new database; with `demo` the demo accounts (password `demo`) are seeded. */
export async function tempApp(options: { demo?: boolean; staticDir?: string; start?: Date; security?: Deps['security'] } = {}): Promise<TempApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'egnet-app-'));
  const store = openSqliteStore(join(dataDir, 'egnet.sqlite'));
  const db = store.db;
  let now = (options.start ?? new Date('2026-01-05T08:00:00.000Z')).getTime();
  const deps: Deps = { store, dataDir, version: '0.0.0-test', now: () => new Date(now), ...(options.staticDir ? { staticDir: options.staticDir } : {}), ...(options.security ? { security: options.security } : {}) };
  if (options.demo) await seedDemo(store, deps.now());
  const app = createApp(deps);
  return {
    app,
    db,
    store,
    deps,
    dataDir,
    advance: (ms) => {
      now += ms;
    },
    login: async (username, password = 'demo') => {
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`log-in as ${username} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    close: () => {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
