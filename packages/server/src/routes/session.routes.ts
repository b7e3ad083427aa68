import {
  accountActivitySchema,
  enrolmentConfirmBody,
  enrolmentConfirmedSchema,
  enrolmentSchema,
  okSchema,
  passwordChangeBody,
  secondFactorBody,
  sessionSchema,
  signInBody,
} from '@harbour/contract';
import { PERMISSIONS } from '@harbour/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionCookieName } from '../http/types';
import type { Services } from '../services/index';

export interface CookiePolicy {
  readonly secure: boolean;
  readonly maxHours: number;
}

export function sessionRoutes(svc: Services, cookies: CookiePolicy, limits: { signInPerMinute: number } = { signInPerMinute: 10 }): FastifyPluginAsyncZod {
  // Sign-in routes are rate-limited per client on top of the per-account lock-out.
  const SIGN_IN_RATE = { max: limits.signInPerMinute, timeWindow: '1 minute' };
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
          body: signInBody,
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
          body: secondFactorBody,
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
          response: { 200: enrolmentSchema },
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
          body: enrolmentConfirmBody,
          response: { 200: enrolmentConfirmedSchema },
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
          response: { 200: accountActivitySchema },
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
          body: passwordChangeBody,
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
