/**
 * The change feed's numbers on PostgreSQL (docs/decisions/010-postgres-change-feed.md).
 *
 * A reader pulls "everything after number n". With concurrent writers a plain sequence breaks that: a transaction can
 * take 11, another take 12 and commit first, a reader see 12 and move its cursor past 11 before 11 commits; 11 is then
 * never pulled. Here each writing transaction first locks its feed's counter row (SELECT … FOR UPDATE) and keeps the
 * lock until it commits, so only one transaction at a time holds numbers of a feed and they become visible in number
 * order: a reader that has seen n will never later find a committed change below n.
 */
import type pg from 'pg';

/** Numbers of one feed, handed out inside one transaction that holds the feed's counter row. */
export type FeedNumbers = {
  /** The next number of the feed (the first call returns the counter + 1). */
  next: () => number;
  /** The last number handed out so far (the counter as it was when nothing was taken). */
  last: () => number;
  /** Writes the counter back; call before COMMIT (a no-op when nothing was taken). */
  save: () => Promise<void>;
};

/**
 * Locks the feed's counter row for the rest of the transaction and returns a source of its numbers. Call it first in
 * the transaction (after BEGIN, before any write that may need a number), in READ COMMITTED: a second writer waits on
 * the row and then reads the counter the first one committed.
 */
export async function takeFeed(client: pg.ClientBase, feed = 'changes'): Promise<FeedNumbers> {
  const row = await client.query<{ value: number }>('SELECT value FROM feed_counters WHERE feed = $1 FOR UPDATE', [feed]);
  if (!row.rows[0]) throw new Error(`The change feed '${feed}' has no counter row in feed_counters`);
  const start = row.rows[0].value;
  let value = start;
  return {
    next: () => ++value,
    last: () => value,
    save: async () => {
      if (value !== start) await client.query('UPDATE feed_counters SET value = $2 WHERE feed = $1', [feed, value]);
    },
  };
}
