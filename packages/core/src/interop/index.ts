export * from './htcds';
export * from './bulk-import';
export * from './text-encoding';
export * from './spreadsheet-safe';
export * from './file-kind';
