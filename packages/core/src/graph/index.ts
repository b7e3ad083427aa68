export * from './link-graph';
export * from './traversal';
export * from './centrality';
export * from './communities';
export * from './analyse';
export * from './link-evidence';
export * from './link-rows';
export * from './link-ledger';
