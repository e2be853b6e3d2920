// When sync runs: triggers, the 2 s change delay, backoff with jitter after failures (reset by online and Sync now),
// Retry-After, the pause on a refused session.
import { describe, expect, it } from 'vitest';
import type { SyncOutcome } from '../../../src/app/sync/syncClient';
import { SyncScheduler } from '../../../src/app/sync/syncScheduler';

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = end;
    },
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
  };
}

const ok: SyncOutcome = { ok: true, pushed: 0, pulled: 0 };
const fail = (code: 'network' | 'busy' | 'unauthorized', retryAfterMs?: number): SyncOutcome => ({
  ok: false,
  code,
  text: { nb: '', en: '' },
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});

function setup(outcomes: SyncOutcome[], pending = false) {
  const clock = fakeClock();
  const runs: number[] = [];
  let t = 0;
  const scheduler = new SyncScheduler({
    run: async () => {
      runs.push(t++);
      return outcomes.shift() ?? ok;
    },
    hasPending: async () => pending,
    isVisible: () => true,
    random: () => 0.999,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { clock, runs, scheduler };
}

describe('sync scheduler', () => {
  it('syncs at start and about 2 s after a burst of local changes, once', async () => {
    const { clock, runs, scheduler } = setup([]);
    scheduler.start();
    await clock.advance(0);
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 5; i++) await scheduler.trigger('change');
    await clock.advance(1999);
    expect(runs).toHaveLength(1);
    await clock.advance(1);
    expect(runs).toHaveLength(2);
    scheduler.stop();
  });

  it('backs off 1 s, 2 s, 4 s … with full jitter up to 5 min, ignoring other triggers meanwhile', async () => {
    const { clock, runs, scheduler } = setup(Array.from({ length: 12 }, () => fail('network')));
    await scheduler.trigger('start');
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      const w = clock.pending()[0]!;
      waits.push(w);
      expect(await scheduler.trigger('visible')).toBeNull();
      await clock.advance(w);
    }
    expect(runs).toHaveLength(12);
    expect(waits.slice(0, 5)).toEqual([999, 1998, 3996, 7992, 15984]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(300_000);
    expect(waits.at(-1)).toBe(299_700);
    scheduler.stop();
  });

  it('goes at once on online and Sync now, resetting the backoff', async () => {
    const { clock, runs, scheduler } = setup([fail('network'), fail('network'), fail('network')]);
    await scheduler.trigger('start');
    await clock.advance(clock.pending()[0]!);
    expect(scheduler.failureCount).toBe(2);
    await scheduler.trigger('online');
    expect(runs).toHaveLength(3);
    expect(scheduler.failureCount).toBe(1);
    expect(await scheduler.trigger('manual')).toEqual(ok);
    expect(scheduler.failureCount).toBe(0);
    scheduler.stop();
  });

  it('waits at least as long as Retry-After says', async () => {
    const { clock, scheduler } = setup([fail('busy', 30_000)]);
    await scheduler.trigger('start');
    expect(clock.pending()[0]).toBe(30_000);
    scheduler.stop();
  });

  it('pauses on a refused session until the person signs in again', async () => {
    const { clock, runs, scheduler } = setup([fail('unauthorized')], true);
    scheduler.start();
    await clock.advance(0);
    expect(await scheduler.trigger('visible')).toBeNull();
    await clock.advance(120_000);
    expect(runs).toHaveLength(1);
    expect(await scheduler.trigger('session')).toEqual(ok);
    scheduler.stop();
  });

  it('checks every 60 s while visible and something is pending', async () => {
    const { clock, runs, scheduler } = setup([], true);
    scheduler.start();
    await clock.advance(0);
    await clock.advance(60_000);
    await clock.advance(60_000);
    expect(runs).toHaveLength(3);
    scheduler.stop();
  });
});
