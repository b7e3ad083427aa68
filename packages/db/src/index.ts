export * from './schema';
export * from './store';
export * from './migrate';
export * from './job-queue';
export * from './backup';
export * from './repositories/index';
export { seedDatabase, type SeedResult } from './seed';
export { FolderInUse, LOCK_FILE } from './folder-lock';
