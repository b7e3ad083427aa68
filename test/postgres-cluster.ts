import type { TestProject } from 'vitest/node';
import { startCluster } from '../tools/pg-cluster';
import { makePostgresTemplate } from './store-templates';

/**
 * Vitest global setup: one throw-away cluster for the PostgreSQL run of the store tests, with a
 * migrated database that each test's database is created from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.HARBOUR_TEST_DATABASE_URL;
  const cluster = external ? null : await startCluster();
  const url = external ?? cluster!.url;
  project.provide('postgresUrl', url);
  const template = await makePostgresTemplate(url);
  project.provide('postgresTemplate', template.name);
  return async () => {
    await template.drop().catch(() => undefined);
    cluster?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresTemplate: string;
  }
}
