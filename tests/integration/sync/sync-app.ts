/**
 * The app in-process on a real SQLite file in a temp folder, or on a PostgreSQL database of the test cluster, with the
 * demo accounts signed in, for contract tests.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DEMO_USERS } from '../../../src/core/demo/users';
import type { SessionUser } from '../../../src/core/entities';
import { createApp } from '../../../src/server/app';
import { createSession } from '../../../src/server/auth/sessions';
import { insertUser } from '../../../src/server/auth/users';
import type { Db } from '../../../src/server/store/sqlite/database';
import { openSqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import { openPostgresStore } from '../../../src/server/store/postgres/postgresStore';
import type { Store } from '../../../src/server/store/store';
import { createPostgresDatabase } from '../../support/postgres';
import type { Deps } from '../../../src/server/env';
import { makeDevice, type Device } from './device';

/** An app with its database, data folder and one bearer token per demo user (by username). */
export type SyncApp = {
  engine: Store['engine'];
  /** The PostgreSQL database's URL, or undefined on SQLite (the file is egnet.sqlite in `dataDir`). */
  databaseUrl: string | undefined;
  /** The raw SQLite connection under the store, for looking at the tables (SQLite only: throws on PostgreSQL). */
  db: Db;
  /** Runs SQL on either engine and returns its rows; placeholders are `?` (numbered for PostgreSQL here). */
  query: <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;
  /** SHA-256 of every row of every table but `skip`: equal before and after means the database did not change. */
  fingerprint: (skip?: readonly string[]) => Promise<string>;
  store: Store;
  /** What the app was built with; a test may change settings read per request (photo quotas). */
  deps: Deps;
  dataDir: string;
  request: (path: string, init?: RequestInit & { as?: string; json?: unknown }) => Promise<Response>;
  user: (username: string) => SessionUser;
  /** The bearer token of a demo user. */
  token: (username: string) => string;
  /** A fetch that calls the app in-process (any origin). */
  fetch: typeof fetch;
  close: () => Promise<void>;
};

/** The engine tests run on unless they say: PostgreSQL under `npm run test:postgres` (EGNET_TEST_ENGINE=postgres). */
export const defaultTestEngine = (): Store['engine'] => (process.env.EGNET_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');

/** Builds the app on a fresh database (a SQLite file, or a PostgreSQL database with `engine`); `now` is the app's clock. */
export async function startSyncApp(now: () => Date = () => new Date(), engine: Store['engine'] = defaultTestEngine()): Promise<SyncApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'egnet-sync-'));
  let store: Store;
  let db: Db | undefined;
  let query: SyncApp['query'];
  let fingerprint: SyncApp['fingerprint'];
  let closeDb: () => Promise<void>;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const database = await createPostgresDatabase();
    databaseUrl = database.url;
    const pg = await openPostgresStore(database.url, { max: 4 });
    store = pg;
    query = async <R,>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await pg.pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
    };
    fingerprint = async (skip = []) => {
      const hash = createHash('sha256');
      const tables = (await pg.pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).rows;
      for (const { name } of tables) {
        if (skip.includes(name)) continue;
        hash.update(`#${name}\n`);
        for (const row of (await pg.pool.query(`SELECT * FROM "${name}" ORDER BY 1, 2`)).rows) hash.update(JSON.stringify(row) + '\n');
      }
      return hash.digest('hex');
    };
    closeDb = async () => {
      await pg.close();
      await database.drop();
    };
  } else {
    const sqlite = openSqliteStore(join(dataDir, 'egnet.sqlite'));
    store = sqlite;
    db = sqlite.db;
    query = async <R,>(sql: string, params: unknown[] = []) => sqlite.db.prepare(sql).all(...params) as R[];
    fingerprint = async (skip = []) => databaseFingerprint(sqlite.db, skip);
    closeDb = async () => {
      sqlite.db.close();
    };
  }
  const tokens = new Map<string, string>();
  for (const u of DEMO_USERS) {
    // Password hashing is not under test here: a placeholder hash, and sessions made directly.
    await insertUser(store, { ...u, passwordHash: 'x' }, now());
    tokens.set(u.username, await createSession(store, u.id, now()));
  }
  const deps: Deps = { store, dataDir, version: 'test', now };
  const app = createApp(deps);
  return {
    engine,
    databaseUrl,
    get db(): Db {
      if (!db) throw new Error('app.db is the SQLite connection; on PostgreSQL use app.query');
      return db;
    },
    query,
    fingerprint,
    store,
    deps,
    dataDir,
    request: (path, init = {}) => {
      const { as, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('Authorization', `Bearer ${tokens.get(as)}`);
      if (json !== undefined) headers.set('Content-Type', 'application/json');
      return Promise.resolve(app.request(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) }));
    },
    user: (username) => DEMO_USERS.find((u) => u.username === username)!,
    token: (username) => tokens.get(username)!,
    fetch: async (input, init) => app.request(input instanceof Request ? input : String(input), init),
    close: async () => {
      await closeDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of every row of every table: equal before and after means the database did not change. */
export function databaseFingerprint(db: Db, skip: readonly string[] = []): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    if (skip.includes(name)) continue;
    hash.update(`#${name}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).iterate()) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}

/** Options of a device made by `appWithDevices`: a session token of its own, or what happens on a refused session. */
export type TestDeviceOptions = { onUnauthorized?: () => void; token?: () => string | null };

/**
 * A fresh app for every test and devices that sync with it as one of the demo users; both are closed after each test.
 * Call once at the top of a test file.
 */
export function appWithDevices(): { readonly app: SyncApp; device: (name: string, username: string, options?: TestDeviceOptions) => Device } {
  let app: SyncApp | undefined;
  const devices: Device[] = [];
  beforeEach(async () => {
    app = await startSyncApp();
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) d.close();
    await app?.close();
  });
  const current = (): SyncApp => {
    if (!app) throw new Error('appWithDevices: the app exists only inside a test');
    return app;
  };
  return {
    get app() {
      return current();
    },
    device(name, username, options = {}) {
      const d = makeDevice(name, {
        getToken: options.token ?? (() => current().token(username)),
        fetch: current().fetch,
        baseUrl: 'http://egnet.test',
        ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
      });
      devices.push(d);
      return d;
    },
  };
}
