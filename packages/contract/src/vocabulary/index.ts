export * from './access';
export * from './domain';
export * from './grading';
export * from './imports';
export * from './picture';
export * from './public-report';
export * from './query-params';
export * from './reasons';
