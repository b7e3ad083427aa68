export * from './schema';
export * from './store';
export * from './migrate';
export * from './backup';
export * from './repositories/index';
export { seedDatabase, type SeedResult } from './seed';
