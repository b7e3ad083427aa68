export { buildApp, loggerOptions, BODY_LIMIT_BYTES } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { services, type Services } from './services/index';
export { startHarbour, type RunningHarbour } from './harbour';
export { buildPictureInBulk, type BulkSummary } from './services/picture-bulk';
export { seedDemo, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_ACCOUNTS } from './demo';
export { currentTotp } from './auth/totp';
export type { RegisteredRoute } from './http/access';
export { SESSION_COOKIE, CSRF_HEADER } from './http/types';
