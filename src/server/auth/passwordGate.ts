/**
 * Bounds the password checks (scrypt, 64 MiB and about 0.2 s each) that run at once. They run on Node's small thread
 * pool, which file reads and response compression also use; unbounded, a flood of log-ins makes every request wait.
 * `checks` run at once and `queue` more wait their turn; beyond that a log-in is refused at once (503, Retry-After).
 */

/** Thrown when the queue is full. */
export class PasswordChecksBusy extends Error {
  constructor() {
    super('password checks busy');
  }
}

export class PasswordGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly checks: number,
    private readonly queue: number,
  ) {}

  /** Waits for a slot; throws PasswordChecksBusy when `queue` already wait. Call `release` once when done. */
  async acquire(): Promise<void> {
    if (this.active < this.checks) {
      this.active += 1;
      return;
    }
    if (this.waiting.length >= this.queue) throw new PasswordChecksBusy();
    // The slot is handed over by `release`, so `active` stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
