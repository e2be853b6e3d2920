// The server on PostgreSQL (EGNET_DATABASE_URL): the adapter is tested call by call beside SQLite
// (tests/integration/server/storeEngines.test.ts) and two server processes on one database in twoProcesses.test.ts.
// The sync contract (sync/contract.test.ts), the privacy matrix (privacy/matrix.test.ts) and a short fault run
// (sync/faults.test.ts) run on both engines in `npm test`; `npm run test:postgres` runs the fuzz, the full fault run
// and the security suites against server processes on PostgreSQL (EGNET_TEST_ENGINE=postgres), and the fault run with
// two server processes on one database, either killed at random. Still to come:
import { describe, it } from 'vitest';

describe('the server on PostgreSQL (EGNET_DATABASE_URL)', () => {
  it.todo('npm run bench -- sync measures push, pull and ingest on PostgreSQL beside SQLite');
});
