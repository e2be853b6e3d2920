// The server on PostgreSQL (EGNET_DATABASE_URL): the adapter is tested call by call beside SQLite
// (tests/integration/server/storeEngines.test.ts) and two server processes on one database in twoProcesses.test.ts.
// The suites below do not run on PostgreSQL yet.
import { describe, it } from 'vitest';

describe('the server on PostgreSQL (EGNET_DATABASE_URL)', () => {
  it.todo('the sync contract, the privacy matrix and a short fault run pass on PostgreSQL as on SQLite');
  it.todo('the fault suite with two server processes killed at random holds I1–I7 (npm run test:postgres)');
  it.todo('npm run bench -- sync measures push, pull and ingest on PostgreSQL beside SQLite');
});
