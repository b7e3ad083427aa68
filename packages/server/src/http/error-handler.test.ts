import { StoreUnavailable } from '@harbour/db';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './error-handler';

/** What a request meets when the database is gone mid-request, or no server takes writes. */
async function answerTo(error: Error) {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.get('/x', async () => {
    throw error;
  });
  const answer = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return answer;
}

describe('a database that cannot be reached', () => {
  it('is answered 503, try again shortly, nothing saved: not an internal error', async () => {
    const lostMidway = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const standby = Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (const error of [
      new StoreUnavailable('no PostgreSQL server in DATABASE_URL takes writes'),
      lostMidway,
      standby,
      refused,
      new Error('Connection terminated unexpectedly'),
    ]) {
      const answer = await answerTo(error);
      expect(answer.statusCode, error.message).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json().error.code).toBe('store_unavailable');
      // The server's own words never reach the client: they name hosts and ports.
      expect(answer.body).not.toContain('5432');
    }
  });

  it('leaves a request that broke a rule (a constraint) as the failure it is', async () => {
    const answer = await answerTo(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }));
    expect(answer.statusCode).toBe(500);
  });
});
