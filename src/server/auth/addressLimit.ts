/**
 * A rate limit per client address for log-in attempts: a bucket of `perMinute` attempts that refills at `perMinute`
 * a minute. Kept in memory: it only has to slow a flood down, and a restart forgets nothing that matters (the
 * per-username limits live in the database).
 */
const MAX_ADDRESSES = 10_000;

export class AddressLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** Takes one attempt for the address: 0 when allowed, else the seconds until the next one is. */
  take(address: string, nowMs: number): number {
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(address);
    const tokens = bucket ? Math.min(this.perMinute, bucket.tokens + (nowMs - bucket.at) * perMs) : this.perMinute;
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
    this.buckets.delete(address);
    this.buckets.set(address, { tokens: tokens - 1, at: nowMs });
    // The oldest entries go first when many addresses have tried (a map keeps insertion order).
    if (this.buckets.size > MAX_ADDRESSES) this.buckets.delete(this.buckets.keys().next().value!);
    return 0;
  }
}
