/**
 * When to sync: at start, on `online`, when the app becomes visible, about 2 s after a local change, every 60 s while
 * visible with pending ops, on "Sync now" and on the service worker's message — with exponential backoff and full
 * jitter (1 s to 5 min) after failures, reset by `online` and "Sync now". A refused session pauses until sign-in.
 */
import { backoffDelay } from '../../core/sync/backoff';
import type { SyncOutcome } from './syncClient';

/** Why a sync was asked for; `online` and `manual` clear the backoff. */
export type SyncTrigger = 'start' | 'online' | 'visible' | 'change' | 'interval' | 'manual' | 'worker' | 'session';

/** What the scheduler needs: the round to run, and its clock and dice (tests pass fakes). */
export type SchedulerOptions = {
  run: () => Promise<SyncOutcome>;
  hasPending: () => Promise<boolean>;
  isVisible: () => boolean;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Delay after a local change before pushing, so a burst of typing goes in one push (default 2 s). */
  changeDelayMs?: number;
  /** Period of the pending-ops check while visible (default 60 s). */
  intervalMs?: number;
  /** Called after every round (the status shows it; the app may register Background Sync on failure). */
  onOutcome?: (outcome: SyncOutcome) => void;
};

/** Decides when the sync client runs. */
export class SyncScheduler {
  private failures = 0;
  private paused = false;
  private retryTimer: unknown = null;
  private changeTimer: unknown = null;
  private intervalTimer: unknown = null;
  private stopped = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: SchedulerOptions) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Starts the 60 s check and runs the first sync. */
  start(): void {
    this.stopped = false;
    this.tick();
    void this.trigger('start');
  }

  /** Stops every timer (log-out, tests). */
  stop(): void {
    this.stopped = true;
    for (const t of [this.retryTimer, this.changeTimer, this.intervalTimer]) if (t !== null) this.clearTimer(t);
    this.retryTimer = this.changeTimer = this.intervalTimer = null;
  }

  /** The number of failed rounds in a row (0 after a success). */
  get failureCount(): number {
    return this.failures;
  }

  /** Asks for a sync. Returns the round's outcome, or null when the trigger waits (backoff, pause, change delay). */
  async trigger(reason: SyncTrigger): Promise<SyncOutcome | null> {
    if (this.stopped) return null;
    if (reason === 'online' || reason === 'manual' || reason === 'session') {
      this.failures = 0;
      this.paused = false;
      this.clear('retry');
    }
    if (this.paused) return null;
    if (reason === 'change') {
      if (this.changeTimer === null && this.retryTimer === null) {
        this.changeTimer = this.setTimer(() => {
          this.changeTimer = null;
          void this.trigger('interval');
        }, this.options.changeDelayMs ?? 2000);
      }
      return null;
    }
    // While backing off, only `online` and "Sync now" go ahead; the retry timer brings the rest.
    if (this.retryTimer !== null) return null;
    return this.runNow();
  }

  private async runNow(): Promise<SyncOutcome> {
    this.clear('change');
    const outcome = await this.options.run();
    this.options.onOutcome?.(outcome);
    if (outcome.ok) {
      this.failures = 0;
      return outcome;
    }
    if (outcome.code === 'unauthorized' || outcome.code === 'signed_out' || outcome.code === 'password_change') {
      // Nothing to gain from retrying until someone signs in or changes the password (trigger 'session').
      this.paused = true;
      return outcome;
    }
    this.failures += 1;
    const wait = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(this.failures, this.options.random));
    this.clear('retry');
    if (!this.stopped) {
      this.retryTimer = this.setTimer(() => {
        this.retryTimer = null;
        void this.runNow();
      }, wait);
    }
    return outcome;
  }

  private tick(): void {
    this.intervalTimer = this.setTimer(async () => {
      if (this.stopped) return;
      if (this.options.isVisible() && (await this.options.hasPending())) void this.trigger('interval');
      this.tick();
    }, this.options.intervalMs ?? 60_000);
  }

  private clear(which: 'retry' | 'change'): void {
    const key = which === 'retry' ? 'retryTimer' : 'changeTimer';
    if (this[key] !== null) this.clearTimer(this[key]);
    this[key] = null;
  }
}
