export * from './schema';
export * from './store';
export * from './migrate';
export * from './job-queue';
export * from './backup';
export * from './repositories/index';
export { seedDatabase, type SeedResult } from './seed';
