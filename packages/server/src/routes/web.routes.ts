import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http/error-handler';

/**
 * Serves the built web app: hashed assets, GOV.UK fonts and images, and index.html for every
 * other page so the app's router can answer (its own 404 page included).
 */
export async function webRoutes(app: FastifyInstance, webDir: string, govukAssetsDir: string): Promise<void> {
  const index = join(webDir, 'index.html');
  await app.register(fastifyStatic, { root: [webDir, govukAssetsDir], serve: false });

  app.get('/assets/*', { config: { permission: PERMISSIONS.public } }, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // Built bundles first, then GOV.UK's fonts and images.
    const inBuild = existsSync(join(webDir, 'assets', path));
    return inBuild ? reply.sendFile(join('assets', path), webDir, { immutable: true, maxAge: '365d' }) : reply.sendFile(path, govukAssetsDir, { maxAge: '1d' });
  });

  app.get('/*', { config: { permission: PERMISSIONS.public } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 404, 'not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}`);
    if (!existsSync(index)) return sendError(reply, 503, 'web_not_built', 'The web app is not built: run npm run build:web');
    return reply.header('cache-control', 'no-store').sendFile('index.html', webDir);
  });
}
