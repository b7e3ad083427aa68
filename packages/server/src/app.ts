import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { storeRateLimit } from './http/store-rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { API_DOCS_PREFIX, installAccessControl, type RegisteredRoute } from './http/access';
import { installJsonBodies } from './http/json-body';
import { installErrorHandling } from './http/error-handler';
import './http/types';
import { adminRoutes } from './routes/admin.routes';
import { accessGrantRoutes } from './routes/access-grant.routes';
import { systemRoutes } from './routes/system.routes';
import { publicReportRoutes } from './routes/public-report.routes';
import { reportRoutes } from './routes/report.routes';
import { referralRoutes } from './routes/referral.routes';
import { myWorkRoutes } from './routes/my-work.routes';
import { pictureRoutes } from './routes/picture.routes';
import { graphRoutes } from './routes/graph.routes';
import { callDataRoutes } from './routes/call-data.routes';
import { figuresRoutes } from './routes/figures.routes';
import { profileRoutes } from './routes/profiles.routes';
import { caseExchangeRoutes } from './routes/case-exchange.routes';
import { caseRoutes } from './routes/case.routes';
import { caseDocumentRoutes } from './routes/case-document.routes';
import { retentionRoutes } from './routes/retention.routes';
import { caseRecordRoutes } from './routes/case-records.routes';
import { sharingRoutes } from './routes/sharing.routes';
import { trainingRoutes } from './routes/training.routes';
import { trainingCoverageRoutes } from './routes/training-coverage.routes';
import { preventRoutes } from './routes/prevent.routes';
import { importRoutes } from './routes/import.routes';
import { sessionRoutes } from './routes/session.routes';
import { webRoutes } from './routes/web.routes';
import type { Services } from './services/index';
import { VERSION } from './version';

export interface AppOptions {
  readonly services: Services;
  readonly webDir: string;
  readonly secureCookies: boolean;
  readonly sessionMaxHours: number;
  readonly logger: FastifyServerOptions['logger'];
  /** Public reports accepted per client per minute (default 20). */
  readonly publicReportsPerMinute?: number;
  /** Sign-in attempts per client address per minute (default 10). */
  readonly signInPerMinute?: number;
  /**
   * Whether the API documentation (/api/docs, /api/openapi.json) is open to anyone: yes while
   * developing; in production only signed-in staff read the map of every route.
   */
  readonly apiDocsPublic?: boolean;
}

// JSON bodies above this are refused with 413 before they are parsed.
export const BODY_LIMIT_BYTES = 256 * 1024;

const govukAssets = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist/govuk/assets');

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.removeContentTypeParser('application/json');
  installJsonBodies(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  // Nothing the API answers is kept by a browser, a shared computer's cache or a proxy: reports,
  // exports, PDFs and photos carry people's details (errors too may name what was sent).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith(API_DOCS_PREFIX)) reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyCookie);
  // Counts are kept in memory per process and keyed by client address; nothing is stored.
  // Counted in the store, so a limit holds across every process on one PostgreSQL.
  await app.register(fastifyRateLimit, { global: false, store: storeRateLimit(options.services.requestLimits) });

  const routes: RegisteredRoute[] = [];
  installAccessControl(app, options.services, routes, options.secureCookies, options.apiDocsPublic ?? true);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Harbour API', version: VERSION, description: 'Human trafficking and modern slavery: intake, intelligence, cases, partnership.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'harbour_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: API_DOCS_PREFIX, staticCSP: true, uiConfig: { deepLinking: false } });

  await app.register(systemRoutes(options.services));
  await app.register(
    sessionRoutes(options.services, { secure: options.secureCookies, maxHours: options.sessionMaxHours }, { signInPerMinute: options.signInPerMinute ?? 10 }),
  );
  await app.register(adminRoutes(options.services));
  await app.register(accessGrantRoutes(options.services));
  await app.register(publicReportRoutes(options.services, { submitPerMinute: options.publicReportsPerMinute ?? 20 }));
  await app.register(reportRoutes(options.services));
  await app.register(referralRoutes(options.services));
  await app.register(myWorkRoutes(options.services));
  await app.register(pictureRoutes(options.services));
  await app.register(graphRoutes(options.services));
  await app.register(callDataRoutes(options.services));
  await app.register(figuresRoutes(options.services));
  await app.register(profileRoutes(options.services));
  await app.register(caseExchangeRoutes(options.services));
  await app.register(caseRoutes(options.services));
  await app.register(caseRecordRoutes(options.services));
  await app.register(caseDocumentRoutes(options.services));
  await app.register(retentionRoutes(options.services));
  await app.register(sharingRoutes(options.services));
  await app.register(trainingRoutes(options.services));
  await app.register(trainingCoverageRoutes(options.services));
  await app.register(preventRoutes(options.services));
  await app.register(importRoutes(options.services));
  app.get('/api/openapi.json', { config: { permission: options.apiDocsPublic === false ? 'self' : 'public' }, schema: { hide: true } }, () => app.swagger());
  await webRoutes(app, options.webDir, govukAssets);

  await app.ready();
  return { app, routes };
}

/** Logs without personal data: no cookies, tokens, bodies, query strings or client addresses. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
