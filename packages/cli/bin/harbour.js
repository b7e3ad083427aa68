#!/usr/bin/env node
// Runs the TypeScript CLI directly: the same sources the server and tests use.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
