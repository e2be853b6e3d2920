/** Opens a pool of connections to PostgreSQL (node-postgres) that reads bigint columns as JS numbers. */
import pg from 'pg';
import { log } from '../../log';

const INT8 = 20;

/**
 * bigint (int8) as a number: feed cursors, counts and sizes stay far below 2^53, and a value beyond it is refused
 * rather than rounded, so a cursor can never silently jump.
 */
export function int8ToNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond what a JS number holds exactly`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? int8ToNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Options for a pool: the connection string (postgres://…) and how many connections at most. */
export type PoolOptions = { url: string; max?: number; applicationName?: string };

/**
 * A pool whose clients parse int8 as numbers and name themselves in pg_stat_activity. A connection the database ends
 * while it sits idle in the pool (a restart, a fail-over, an administrator ending it) is logged and left for the pool
 * to replace: without a listener, node-postgres raises it as an uncaught exception that would end the process.
 */
export function openPool({ url, max = 10, applicationName = 'egnet' }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: applicationName });
  pool.on('error', (err: Error & { code?: string }) => log.warn({ event: 'database_connection_lost', code: err.code }, 'an idle database connection was ended'));
  return pool;
}

/** One connection (not pooled) with the same parsing: for migrations and tools. */
export function openClient(url: string, applicationName = 'egnet'): pg.Client {
  return new pg.Client({ connectionString: url, types, application_name: applicationName });
}

/** True when EGNET_DATABASE_URL (or the given URL) names a PostgreSQL database rather than leaving SQLite in place. */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}
