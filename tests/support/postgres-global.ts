/**
 * Global set-up of the integration project: one throw-away PostgreSQL cluster for the whole run, with the migrated
 * template database that each test file copies (tests/support/postgres.ts). When PostgreSQL cannot be had, the files
 * that need it fail with the reason and how to install it; the SQLite tests run on.
 */
import type { TestProject } from 'vitest/node';
import { migrateTemplate, startPostgres, TEMPLATE_DATABASE, type PostgresCluster } from './postgres';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: PostgresCluster | undefined;
  try {
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
