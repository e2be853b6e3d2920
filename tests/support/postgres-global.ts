/**
 * Global set-up of the integration project: one throw-away PostgreSQL cluster for the whole run, with the migrated
 * template database that each test file copies (tests/support/postgres.ts). When PostgreSQL cannot be had (or the
 * driver is not installed yet: run `npm install`), the files that need it fail with the reason; the SQLite tests run on.
 */
import type { TestProject } from 'vitest/node';
import type { PostgresCluster } from './postgres';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: PostgresCluster | undefined;
  try {
    const { migrateTemplate, startPostgres, TEMPLATE_DATABASE } = await import('./postgres');
    cluster = await startPostgres();
    await migrateTemplate(cluster);
    project.provide('postgres', { adminUrl: cluster.url('postgres'), template: TEMPLATE_DATABASE });
  } catch (err) {
    await cluster?.stop();
    cluster = undefined;
    project.provide('postgres', { error: err instanceof Error ? err.message : String(err) });
  }
  return async () => {
    await cluster?.stop();
  };
}
