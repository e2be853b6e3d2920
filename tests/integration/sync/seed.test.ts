// The demo records load as server records: rev 1, one change each, logged, readable by pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/core/demo/generate';
import type { PullResponse } from '../../../src/core/sync/protocol';
import { seedDemoRecords } from '../../../src/server/sync/seed';
import { startSyncApp, type SyncApp } from './sync-app';

let app: SyncApp;
beforeEach(async () => {
  app = await startSyncApp();
});
afterEach(() => app.close());

describe('seedDemoRecords', () => {
  it('writes every demo record once at rev 1 with its change and log entry', async () => {
    const n = await app.store.transaction((tx) => seedDemoRecords(tx, new Date('2026-11-27T08:00:00Z')));
    const demo = generateDemoData().records;
    expect(n).toBe(demo.length);
    const count = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT COUNT(*) AS n FROM records WHERE rev = 1')).toBe(demo.length);
    expect(count('SELECT COUNT(*) AS n FROM changes')).toBe(demo.length);
    expect(count("SELECT COUNT(*) AS n FROM applied_ops WHERE status = 'applied'")).toBe(demo.length);
    expect(count("SELECT COUNT(*) AS n FROM records WHERE entity = 'dwelling'")).toBe(119);

    let cursor = 0;
    let dwellings = 0;
    for (;;) {
      const res = await app.request(`/api/sync/pull?cursor=${cursor}&limit=1000`, { as: 'inspektor' });
      const page = (await res.json()) as PullResponse;
      dwellings += page.changes.filter((c) => c.entity === 'dwelling' && !c.deleted).length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(dwellings).toBe(119);
    // Pull may add changes of its own (an expired consent re-decided), so the cursor ends at the newest change.
    expect(cursor).toBe(count('SELECT MAX(seq) AS n FROM changes'));
    expect(cursor).toBeGreaterThanOrEqual(demo.length);
  });
});
