import type { TestProject } from 'vitest/node';
import { makePgliteTemplate } from './store-templates';

/** Vitest global setup for the PGlite run of the store tests: one migrated store to copy. */
export default async function setup(project: TestProject): Promise<() => void> {
  const template = await makePgliteTemplate();
  project.provide('pgliteTemplate', template.dir);
  return () => template.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
