export * from './htcds';
