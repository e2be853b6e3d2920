// The change feed's cursor on PostgreSQL never skips a committed change under concurrent writers
// (docs/decisions/010-postgres-change-feed.md). A plain sequence does: a reader sees 2 before 1 commits, moves its
// cursor to 2 and never pulls 1. The feed's counter row, locked first in each writing transaction, hands out numbers
// in commit order. Shown once step by step, then with 8 concurrent writers and one reader pulling.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../../src/server/store/postgres/connect';
import { takeFeed } from '../../../src/server/store/postgres/changeFeed';
import { createPostgresDatabase, type TestDatabase } from '../../support/postgres';
import { prng } from '../sync/prng';

const WRITERS = 8;
const PER_WRITER = 25; // 200 changes in all
const PAGE = 50;

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createPostgresDatabase();
  pool = openPool({ url: db.url, max: WRITERS + 4 });
  // The plain-sequence design, for comparison: the number comes from nextval() when the row is inserted.
  await pool.query(`CREATE TABLE plain_changes (seq bigserial PRIMARY KEY, entity text NOT NULL, id text NOT NULL, at text NOT NULL)`);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** How a writing transaction gets its change's number, and which table the reader pulls. */
type Design = {
  name: string;
  table: string;
  /** Inside an open transaction: write one change, with `pause` between taking the number and the commit. */
  write: (client: pg.PoolClient, id: string, pause: () => Promise<void>) => Promise<number>;
};

const at = '2026-12-05T00:00:00.000Z';

const plainSequence: Design = {
  name: 'plain sequence',
  table: 'plain_changes',
  write: async (client, id, pause) => {
    const seq = (await client.query<{ seq: number }>('INSERT INTO plain_changes (entity, id, at) VALUES ($1, $2, $3) RETURNING seq', ['task', id, at])).rows[0]!.seq;
    await pause();
    return seq;
  },
};

const counterRow: Design = {
  name: 'counter row',
  table: 'changes',
  write: async (client, id, pause) => {
    const feed = await takeFeed(client);
    const seq = feed.next();
    await client.query('INSERT INTO changes (seq, entity, id, rev, op_id, at) VALUES ($1, $2, $3, 1, NULL, $4)', [seq, 'task', id, at]);
    await pause();
    await feed.save();
    return seq;
  },
};

/** A pull: the next page after the cursor, as the sync endpoint reads it. */
async function pull(table: string, cursor: number): Promise<number[]> {
  const rows = (await pool.query<{ seq: number }>(`SELECT seq FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT $2`, [cursor, PAGE])).rows;
  return rows.map((r) => r.seq);
}

async function begin(): Promise<pg.PoolClient> {
  const client = await pool.connect();
  await client.query('BEGIN');
  return client;
}

async function commit(client: pg.PoolClient): Promise<void> {
  await client.query('COMMIT');
  client.release();
}

/** Resolves once the backend of `client` waits on a lock. */
async function waitsOnLock(client: pg.PoolClient): Promise<void> {
  const pid = (client as unknown as { processID: number }).processID;
  for (let i = 0; i < 200; i++) {
    const row = (await pool.query<{ w: string | null }>('SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0];
    if (row?.w === 'Lock') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the second writer never waited on the counter row');
}

describe('the change feed under concurrent writers', () => {
  it('step by step: a plain sequence lets the reader skip a change for ever; the counter row does not', async () => {
    // Plain sequence: A takes 1, B takes 2 and commits, the reader pulls 2, A commits 1 behind the reader's cursor.
    const base = (await pull('plain_changes', 0)).at(-1) ?? 0;
    const a = await begin();
    const b = await begin();
    const aSeq = await plainSequence.write(a, 'a', async () => {});
    const bSeq = await plainSequence.write(b, 'b', async () => {});
    expect(bSeq).toBe(aSeq + 1);
    await commit(b);
    let cursor = base;
    const seen = await pull('plain_changes', cursor);
    expect(seen).toEqual([bSeq]);
    cursor = seen.at(-1)!;
    await commit(a);
    expect(await pull('plain_changes', cursor)).toEqual([]); // aSeq is committed and will never be pulled
    expect(aSeq).toBeLessThan(cursor);

    // Counter row: B waits for A's counter lock, so nothing numbered above A's change is visible before A commits.
    const a2 = await begin();
    const b2 = await begin();
    let aNumber = 0;
    let release!: () => void;
    const aHolds = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const aHasNumber = new Promise<void>((r) => (holding = r));
    const aDone = counterRow
      .write(a2, 'a', () => {
        holding();
        return aHolds;
      })
      .then((n) => ((aNumber = n), commit(a2)));
    // B starts only once A holds the counter row (a fixed pause let B go first on a loaded machine, and then A held
    // the row for ever and every later test waited on it).
    await aHasNumber;
    const bDone = counterRow.write(b2, 'b', async () => {}).then(async (n) => (await commit(b2), n));
    try {
      await waitsOnLock(b2);
      expect(await pull('changes', 0)).toEqual([]); // nothing committed yet, nothing numbered past an open change
    } finally {
      release();
    }
    await aDone;
    const bNumber = await bDone;
    expect(bNumber).toBe(aNumber + 1);
    expect(await pull('changes', 0)).toEqual([aNumber, bNumber]);
  });

  it.each([plainSequence, counterRow])(
    `${WRITERS} writers × ${PER_WRITER} changes and one reader pulling: the $name`,
    async (design) => {
      const random = prng(20261205);
      const pauses = Array.from({ length: WRITERS * PER_WRITER }, () => random.int(0, 3));
      const before = new Set((await pool.query<{ seq: number }>(`SELECT seq FROM ${design.table}`)).rows.map((r) => r.seq));
      const cursorStart = Math.max(0, ...before);
      const written: number[] = [];
      let writing = WRITERS;
      const started = performance.now();

      const writer = async (w: number) => {
        for (let i = 0; i < PER_WRITER; i++) {
          const client = await begin();
          const pause = pauses[w * PER_WRITER + i]!;
          written.push(await design.write(client, `w${w}-${i}`, () => new Promise((r) => setTimeout(r, pause))));
          await commit(client);
        }
        writing--;
      };

      // The reader pulls page after page while the writers run, then until it has caught up; its cursor only moves on.
      const seen = new Set<number>();
      let pulls = 0;
      const reader = async () => {
        let cursor = cursorStart;
        for (;;) {
          const done = writing === 0;
          const page = await pull(design.table, cursor);
          pulls++;
          for (const seq of page) seen.add(seq);
          if (page.length) cursor = page.at(-1)!;
          else if (done) return;
          else await new Promise((r) => setTimeout(r, 1));
        }
      };

      await Promise.all([reader(), ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);
      const ms = performance.now() - started;
      const missed = written.filter((seq) => !seen.has(seq)).length;
      console.log(
        `${design.name}: ${written.length} changes by ${WRITERS} writers in ${ms.toFixed(0)} ms ` +
          `(${((written.length / ms) * 1000).toFixed(0)} commits/s), ${pulls} pulls, ${missed} never pulled`,
      );
      expect(written).toHaveLength(WRITERS * PER_WRITER);
      if (design === counterRow) {
        expect(missed).toBe(0);
        // The numbers of the counter row leave no gaps either.
        expect([...written].sort((x, y) => x - y)).toEqual(Array.from({ length: written.length }, (_, i) => cursorStart + 1 + i));
      } else {
        expect(missed).toBeGreaterThan(0);
      }
    },
  );
});
