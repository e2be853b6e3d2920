/**
 * A first-come, first-served lock for one process: the SQLite adapter runs every call and every transaction under it,
 * so an open transaction on the one connection never sees another request's statements between its awaits.
 */
export class WriteLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** Runs `work` once the lock is free and holds it until `work` has settled. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.held) return new Promise<void>((go) => this.waiting.push(go)).then(() => this.hold(work));
    this.held = true;
    return this.hold(work);
  }

  /** True while a call or transaction holds the lock. */
  get busy(): boolean {
    return this.held;
  }

  private async hold<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // Handed straight to the next in line: the lock never looks free while someone waits.
      if (next) next();
      else this.held = false;
    }
  }
}
