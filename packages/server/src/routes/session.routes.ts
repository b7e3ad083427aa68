import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PERMISSIONS } from '@harbour/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionCookieName } from '../http/types';
import type { Services } from '../services/index';
import { emailSchema, okSchema, securityCodeSchema, sessionSchema } from './schemas';

export interface CookiePolicy {
  readonly secure: boolean;
  readonly maxHours: number;
}

// Sign-in routes are rate-limited per client on top of the per-account lock-out.
const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };

export function sessionRoutes(svc: Services, cookies: CookiePolicy): FastifyPluginAsyncZod {
  const cookieName = sessionCookieName(cookies.secure);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookieName, token, { httpOnly: true, sameSite: 'strict', secure: cookies.secure, path: '/', maxAge: cookies.maxHours * 3600 });

  return async (app) => {
    app.post(
      '/api/session',
      {
        config: { permission: PERMISSIONS.public, rateLimit: SIGN_IN_RATE },
        schema: {
          tags: ['session'],
          summary: 'Sign in with email and password',
          body: z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH) }),
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const { token, session } = await svc.auth.signIn(request.body.email, request.body.password, request.ip);
        setSessionCookie(reply, token);
        return session;
      },
    );

    app.get(
      '/api/session',
      { config: { permission: PERMISSIONS.secondFactor }, schema: { tags: ['session'], summary: 'The current session', response: { 200: sessionSchema } } },
      async (request) => svc.auth.view(request.actor),
    );

    app.post(
      '/api/session/second-factor',
      {
        config: { permission: PERMISSIONS.secondFactor, rateLimit: SIGN_IN_RATE },
        schema: {
          tags: ['session'],
          summary: 'Finish signing in with an authenticator code or a recovery code',
          body: z.object({ code: z.string().trim().min(6, 'Enter the code').max(20) }),
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const { token, session } = await svc.auth.verifySecondFactor(request.actor, request.body.code);
        setSessionCookie(reply, token);
        return session;
      },
    );

    app.post(
      '/api/session/second-factor/enrolment',
      {
        config: { permission: PERMISSIONS.secondFactor },
        schema: {
          tags: ['session'],
          summary: 'Start setting up an authenticator app: a secret and its QR code',
          response: { 200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }) },
        },
      },
      async (request) => svc.auth.beginEnrolment(request.actor),
    );

    app.post(
      '/api/session/second-factor/enrolment/confirm',
      {
        config: { permission: PERMISSIONS.secondFactor, rateLimit: SIGN_IN_RATE },
        schema: {
          tags: ['session'],
          summary: 'Confirm the authenticator app with a code; returns one-time recovery codes',
          body: z.object({ code: securityCodeSchema }),
          response: { 200: z.object({ session: sessionSchema, recoveryCodes: z.array(z.string()) }) },
        },
      },
      async (request, reply) => {
        const { token, session, recoveryCodes } = await svc.auth.completeEnrolment(request.actor, request.body.code);
        setSessionCookie(reply, token);
        return { session, recoveryCodes };
      },
    );

    app.get(
      '/api/session/activity',
      {
        config: { permission: PERMISSIONS.self },
        schema: {
          tags: ['session'],
          summary: "My account's recent sign-in activity: sign-ins, wrong passwords and codes, locks and changes",
          response: { 200: z.object({ events: z.array(z.object({ at: z.string(), action: z.string() })) }) },
        },
      },
      async (request) => ({ events: await svc.auth.activity(request.actor) }),
    );

    app.delete(
      '/api/session',
      { config: { permission: PERMISSIONS.secondFactor }, schema: { tags: ['session'], summary: 'Sign out', response: { 200: okSchema } } },
      async (request, reply) => {
        await svc.auth.signOut(request.actor);
        reply.clearCookie(cookieName, { path: '/', secure: cookies.secure });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/session/password',
      {
        config: { permission: PERMISSIONS.self, rateLimit: SIGN_IN_RATE },
        schema: {
          tags: ['session'],
          summary: 'Change your own password',
          body: z.object({
            currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
            newPassword: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH),
          }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        await svc.auth.changePassword(request.actor, request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
}
