import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RETENTION_DEFAULTS, RETENTION_RECORD_TYPES, type NrmSettings, type RetentionSchedule } from '@harbour/core';
import { z } from 'zod';
import { SECRET_KEY_MIN_LENGTH } from './auth/secret-box';

/** Every setting Harbour reads, validated once. `process.env` is read here and nowhere else. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  HARBOUR_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Seed demo data into an empty store: on by default outside production. */
  HARBOUR_DEMO: z.enum(['on', 'off']).optional(),
  /** Where the public reach the reporting form: printed on posters and in their QR codes. */
  HARBOUR_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  HARBOUR_DEMO_REPORTS: z.coerce.number().int().min(0).max(1_000_000).default(3_000),
  HARBOUR_WEB_DIR: z.string().optional(),
  HARBOUR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  HARBOUR_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  HARBOUR_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  HARBOUR_SECURE_COOKIES: z.enum(['on', 'off']).optional(),
  /**
   * A folder of boundary files (GeoJSON) with the force's local authorities, for the map. The
   * demo reads the shared Welsh boundaries beside the project when they are there.
   */
  HARBOUR_GEO_DIR: z.string().optional(),
  /**
   * Seals the authenticator secrets in the store (`harbour secret-key new` makes one). Required in
   * production; elsewhere a key is kept in the data folder.
   */
  HARBOUR_SECRET_KEY: z.string().min(SECRET_KEY_MIN_LENGTH, `must be at least ${SECRET_KEY_MIN_LENGTH} characters`).optional(),
  /** Keys being rotated away from, comma-separated: still opened, never sealed with. */
  HARBOUR_PREVIOUS_SECRET_KEYS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    )
    .pipe(z.array(z.string().min(SECRET_KEY_MIN_LENGTH, `each must be at least ${SECRET_KEY_MIN_LENGTH} characters`))),
  /** Public reports accepted per client address per minute. */
  HARBOUR_PUBLIC_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Sign-in attempts (password or code) accepted per client address per minute, on top of each account's lock-out. */
  HARBOUR_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Working days within which a Reasonable Grounds decision is aimed at (Home Office guidance: 5). */
  HARBOUR_NRM_RG_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The recovery period after a positive Reasonable Grounds decision, before any Conclusive Grounds one (days; statutory minimum 30). */
  HARBOUR_NRM_RECOVERY_DAYS: z.coerce.number().int().min(30).max(365).default(30),
  /** The largest document a case keeps, in megabytes. */
  HARBOUR_DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  /** A folder to keep case documents in; without it they are kept in the store (and its backups). */
  HARBOUR_DOCUMENT_DIR: z.string().optional(),
  /** Scheduled backups: the folder they are written to (`off`: none). On by default in production, in the data folder's `backups`. */
  HARBOUR_BACKUP_DIR: z.string().optional(),
  HARBOUR_BACKUP_EVERY_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 7)
    .default(24),
  HARBOUR_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** Years to each record type's first review, e.g. `report=6,case=6,case_convicted=10` (any left out keep their default). */
  HARBOUR_RETENTION_YEARS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const years: Record<string, number> = { ...RETENTION_DEFAULTS };
      for (const part of (v ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [type, n] = part.split('=').map((x) => x.trim());
        if (!type || !(RETENTION_RECORD_TYPES as readonly string[]).includes(type) || !/^\d+$/.test(n ?? '') || Number(n) < 1 || Number(n) > 100) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not TYPE=YEARS with TYPE one of ${RETENTION_RECORD_TYPES.join(', ')} and 1 to 100 years` });
          return z.NEVER;
        }
        years[type] = Number(n);
      }
      return years as unknown as RetentionSchedule;
    }),
  /** Bank holidays not counted as working days, comma-separated YYYY-MM-DD dates. */
  HARBOUR_BANK_HOLIDAYS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d.length > 0),
    )
    .pipe(z.array(z.iso.date('each must be a date like 2026-12-25'))),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly demo: boolean;
  readonly demoReports: number;
  /** The public reporting site's address (none: outside production, this Harbour's own once listening; in production, no posters). */
  readonly publicUrl: string | undefined;
  readonly webDir: string;
  readonly logLevel: string;
  readonly session: { readonly idleMinutes: number; readonly maxHours: number; readonly secureCookies: boolean };
  readonly publicReportsPerMinute: number;
  readonly signInPerMinute: number;
  /** The times NRM decisions are held to, for the overdue flags. */
  readonly nrm: NrmSettings;
  /** Years to each record type's first review under the retention schedule. */
  readonly retention: RetentionSchedule;
  /** How large a case document may be, and the folder documents are kept in (none: the store). */
  readonly documents: { readonly maxBytes: number; readonly folder: string | undefined };
  /** Scheduled backups: where (none: off), how often, and how many kept. */
  readonly backups: { readonly folder: string | undefined; readonly everyHours: number; readonly keep: number };
  /** Where the map's boundaries are read from; without them the map still draws places and hotspots. */
  readonly geoDir: string | undefined;
  /** The key secrets are sealed with (none: one kept in the data folder, outside production) and those rotated away from. */
  readonly secretKeys: { readonly current: string | undefined; readonly previous: readonly string[] };
}

/** The boundaries that come with the project's shared data, for the demo. */
const SHARED_GEO = new URL('../../../../shared/data/geo', import.meta.url).pathname;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && c.HARBOUR_DEMO === 'on') throw new ConfigError('HARBOUR_DEMO=on is refused in production: demo accounts have published passwords');
  if (production && !c.HARBOUR_SECRET_KEY) {
    throw new ConfigError('HARBOUR_SECRET_KEY is required in production: it seals the authenticator secrets (make one with `harbour secret-key new`)');
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.HARBOUR_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    demo: (c.HARBOUR_DEMO ?? (production ? 'off' : 'on')) === 'on',
    demoReports: c.HARBOUR_DEMO_REPORTS,
    publicUrl: c.HARBOUR_PUBLIC_URL,
    webDir: resolve(c.HARBOUR_WEB_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    logLevel: c.HARBOUR_LOG_LEVEL,
    session: {
      idleMinutes: c.HARBOUR_SESSION_IDLE_MINUTES,
      maxHours: c.HARBOUR_SESSION_MAX_HOURS,
      secureCookies: (c.HARBOUR_SECURE_COOKIES ?? (production ? 'on' : 'off')) === 'on',
    },
    publicReportsPerMinute: c.HARBOUR_PUBLIC_REPORTS_PER_MINUTE,
    signInPerMinute: c.HARBOUR_SIGN_IN_PER_MINUTE,
    nrm: {
      reasonableGroundsWorkingDays: c.HARBOUR_NRM_RG_WORKING_DAYS,
      recoveryPeriodDays: c.HARBOUR_NRM_RECOVERY_DAYS,
      holidays: new Set(c.HARBOUR_BANK_HOLIDAYS),
    },
    retention: c.HARBOUR_RETENTION_YEARS,
    documents: { maxBytes: c.HARBOUR_DOCUMENT_MAX_MB * 1024 * 1024, folder: c.HARBOUR_DOCUMENT_DIR ? resolve(c.HARBOUR_DOCUMENT_DIR) : undefined },
    backups: {
      folder:
        c.HARBOUR_BACKUP_DIR === 'off'
          ? undefined
          : c.HARBOUR_BACKUP_DIR
            ? resolve(c.HARBOUR_BACKUP_DIR)
            : production
              ? resolve(c.HARBOUR_DATA_DIR, 'backups')
              : undefined,
      everyHours: c.HARBOUR_BACKUP_EVERY_HOURS,
      keep: c.HARBOUR_BACKUP_KEEP,
    },
    geoDir: c.HARBOUR_GEO_DIR ? resolve(c.HARBOUR_GEO_DIR) : !production && existsSync(SHARED_GEO) ? SHARED_GEO : undefined,
    secretKeys: { current: c.HARBOUR_SECRET_KEY, previous: c.HARBOUR_PREVIOUS_SECRET_KEYS },
  };
}
