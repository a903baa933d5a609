import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config.ts';
import { SESSION_COOKIE, type NewSession } from './sessions.ts';

const cookieOptions = (config: Pick<AppConfig, 'secureCookies'>) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.secureCookies,
  path: '/',
});

export function setSessionCookie(reply: FastifyReply, config: AppConfig, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(config), expires: session.expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
