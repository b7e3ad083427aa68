import type { TestProject } from 'vitest/node';
import { startCluster } from '../tools/pg-cluster';

/** Vitest global setup: one throw-away cluster for the PostgreSQL run of the store tests. */
export default async function setup(project: TestProject): Promise<() => void> {
  const external = process.env.HARBOUR_TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return () => undefined;
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
