// The server on PostgreSQL: not there yet. The schema (src/server/store/postgres/migrations), the test cluster
// (tests/support/postgres.ts) and the change feed's counter (changeFeed.ts) are in place and tested; the PostgreSQL
// adapter of the storage port and the EGNET_DATABASE_URL switch are not part of the server yet, so it runs on SQLite.
import { describe, it } from 'vitest';

describe('the server on PostgreSQL (EGNET_DATABASE_URL)', () => {
  it.todo('two server processes on one database share sessions, pushes and pulls, photos and log-in limits');
  it.todo('the sync contract, the privacy matrix and a short fault run pass on PostgreSQL as on SQLite');
  it.todo('the fault suite with two server processes killed at random holds I1–I7 (npm run test:postgres)');
  it.todo('npm run bench -- sync measures push, pull and ingest on PostgreSQL beside SQLite');
});
