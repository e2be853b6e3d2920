/**
 * Counters for `/metrics` in the Prometheus text format: requests by method, route pattern and status; push ops by
 * result; pull latency; database and photo bytes. Kept in memory per app (a restart starts them at zero, as
 * Prometheus expects of counters). Served only when EGNET_METRICS_TOKEN is set, and then only with that token.
 */
import type { Store } from './store/store';

/** Upper bounds of the pull latency histogram, in seconds. */
const PULL_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly pushOps = new Map<string, number>();
  private readonly pullBuckets = PULL_BUCKETS.map(() => 0);
  private pullCount = 0;
  private pullSum = 0;

  /** One answered request; a pull's duration also goes into the pull histogram. */
  request(method: string, route: string, status: number, ms: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    if (route === '/api/sync/pull' && status === 200) {
      const s = ms / 1000;
      this.pullCount += 1;
      this.pullSum += s;
      PULL_BUCKETS.forEach((b, i) => {
        if (s <= b) this.pullBuckets[i]! += 1;
      });
    }
  }

  /** The results of one push, by status (applied, conflict, rejected, retry, duplicate). */
  pushResults(results: readonly { status: string }[]): void {
    for (const r of results) this.pushOps.set(r.status, (this.pushOps.get(r.status) ?? 0) + 1);
  }

  /** The text Prometheus scrapes. */
  async render(store: Store): Promise<string> {
    const out: string[] = [];
    out.push('# HELP egnet_http_requests_total Requests answered, by method, route pattern and status.', '# TYPE egnet_http_requests_total counter');
    for (const [k, n] of this.requests) out.push(`egnet_http_requests_total{${k}} ${n}`);
    out.push('# HELP egnet_push_ops_total Sync ops decided, by result.', '# TYPE egnet_push_ops_total counter');
    for (const [k, n] of this.pushOps) out.push(`egnet_push_ops_total{result="${label(k)}"} ${n}`);
    out.push('# HELP egnet_pull_duration_seconds Time to answer a pull page.', '# TYPE egnet_pull_duration_seconds histogram');
    PULL_BUCKETS.forEach((b, i) => out.push(`egnet_pull_duration_seconds_bucket{le="${b}"} ${this.pullBuckets[i]}`));
    out.push(`egnet_pull_duration_seconds_bucket{le="+Inf"} ${this.pullCount}`);
    out.push(`egnet_pull_duration_seconds_sum ${this.pullSum}`, `egnet_pull_duration_seconds_count ${this.pullCount}`);
    const dbBytes = (await store.databaseBytes()) ?? 0;
    const blobBytes = (await store.blobBytes(null)).total;
    out.push('# HELP egnet_database_bytes Size of the database file and its WAL.', '# TYPE egnet_database_bytes gauge', `egnet_database_bytes ${dbBytes}`);
    out.push('# HELP egnet_blob_bytes Size of all stored photos.', '# TYPE egnet_blob_bytes gauge', `egnet_blob_bytes ${blobBytes}`);
    return `${out.join('\n')}\n`;
  }
}
