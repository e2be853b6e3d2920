/** The server under test for the privacy tests: in-process on a temp SQLite file, or the real process; demo users signed in. */
import { tempApp } from '../../support/temp-app';
import { startServer } from '../../support/server-process';
import type { OpResult, PullResponse } from '../../../src/core/sync/protocol';

/** Requests as a demo user, plus the server's clock where the test can move it. */
export type PrivacyApi = {
  name: string;
  request: (path: string, init?: { as?: string; method?: string; json?: unknown }) => Promise<Response>;
  now: () => Date;
  /** Moves the server's clock (in-process only). */
  advance?: (ms: number) => void;
  close: () => Promise<void>;
};

const USERS = ['admin', 'inspektor', 'boveileder', 'inntak'] as const;

function withToken(tokens: Map<string, string>, init: { as?: string; method?: string; json?: unknown }): RequestInit {
  const headers = new Headers();
  if (init.as) headers.set('Authorization', `Bearer ${tokens.get(init.as)}`);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  return { method: init.method ?? 'GET', headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) };
}

/** The app in this process on a fresh database file with the demo accounts (and their units); the clock can move. */
export async function inProcessApi(start: Date): Promise<PrivacyApi> {
  // Consent is followed over days here; the 12-hour session lifetime is set out of the way.
  const t = await tempApp({ demo: true, start, security: { sessionMaxAgeMs: 365 * 24 * 60 * 60 * 1000 } });
  const tokens = new Map<string, string>();
  for (const u of USERS) tokens.set(u, await t.login(u));
  return {
    name: 'in process',
    request: async (path, init = {}) => t.app.request(path, withToken(tokens, init)),
    now: () => t.deps.now(),
    advance: t.advance,
    close: async () => t.close(),
  };
}

/**
 * The real server process (serve.ts) with demo data, spoken to over HTTP; with `postgres`, on a PostgreSQL database of
 * the test cluster instead of SQLite (left out, EGNET_TEST_ENGINE decides).
 */
export async function realProcessApi(postgres?: boolean): Promise<PrivacyApi> {
  const server = await startServer({ demo: true, ...(postgres === undefined ? {} : { postgres }) });
  const tokens = new Map<string, string>();
  for (const u of USERS) {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: u, password: 'demo' }),
    });
    if (res.status !== 200) throw new Error(`log-in as ${u}: ${res.status}\n${server.output()}`);
    tokens.set(u, ((await res.json()) as { token: string }).token);
  }
  return {
    name: server.databaseUrl ? 'real process on PostgreSQL' : 'real process',
    request: (path, init = {}) => fetch(`${server.url}${path}`, withToken(tokens, init)),
    now: () => new Date(),
    close: async () => {
      await server.stop();
    },
  };
}

const CLIENT = '0c0c0c0c-0000-4000-8000-0000000000c0';

/**
 * Pushes ops as a user from one installation (the same for everyone unless `clientId` names another) and returns the
 * results (fails the test unless the push itself answers 200).
 */
export async function push(api: PrivacyApi, as: string, ops: unknown[], clientId = CLIENT): Promise<OpResult[]> {
  const res = await api.request('/api/sync/push', { method: 'POST', as, json: { clientId, ops } });
  if (res.status !== 200) throw new Error(`push as ${as}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: OpResult[] }).results;
}

/** Pulls every change after `cursor` as a user, following `hasMore`. */
export async function pullAll(api: PrivacyApi, as: string, cursor = 0): Promise<PullResponse> {
  const changes: PullResponse['changes'] = [];
  for (;;) {
    const res = await api.request(`/api/sync/pull?cursor=${cursor}&limit=1000`, { as });
    if (res.status !== 200) throw new Error(`pull as ${as}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, generation: page.generation, hasMore: false };
  }
}
