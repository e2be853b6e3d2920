/** The app in-process on a real SQLite file in a temp folder, with the demo accounts signed in, for contract tests. */
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
import { openSqliteStore, type SqliteStore } from '../../../src/server/store/sqlite/sqliteStore';
import type { Deps } from '../../../src/server/env';
import { makeDevice, type Device } from './device';

/** An app with its database, data folder and one bearer token per demo user (by username). */
export type SyncApp = {
  /** The raw SQLite connection under the store, for looking at the tables. */
  db: Db;
  store: SqliteStore;
  /** What the app was built with; a test may change settings read per request (photo quotas). */
  deps: Deps;
  dataDir: string;
  request: (path: string, init?: RequestInit & { as?: string; json?: unknown }) => Promise<Response>;
  user: (username: string) => SessionUser;
  /** The bearer token of a demo user. */
  token: (username: string) => string;
  /** A fetch that calls the app in-process (any origin). */
  fetch: typeof fetch;
  close: () => void;
};

/** Builds the app on a fresh database file; `now` is the app's clock. */
export async function startSyncApp(now: () => Date = () => new Date()): Promise<SyncApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'egnet-sync-'));
  const store = openSqliteStore(join(dataDir, 'egnet.sqlite'));
  const db = store.db;
  const tokens = new Map<string, string>();
  for (const u of DEMO_USERS) {
    // Password hashing is not under test here: a placeholder hash, and sessions made directly.
    await insertUser(store, { ...u, passwordHash: 'x' }, now());
    tokens.set(u.username, await createSession(store, u.id, now()));
  }
  const deps: Deps = { store, dataDir, version: 'test', now };
  const app = createApp(deps);
  return {
    db,
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
    close: () => {
      db.close();
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
  afterEach(() => {
    for (const d of devices.splice(0)) d.close();
    app?.close();
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
