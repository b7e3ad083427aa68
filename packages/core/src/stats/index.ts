export * from './suppression';
export * from './k-anonymity';
export * from './nationality';
export * from './periods';
export * from './places';
export * from './profile-words';
export * from './problem-profile';
export * from './research-export';
