import type { Routes } from '../../kernel/routes.ts';
import { AUTH_ROUTES as R } from '../../shared/routes/identity.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { signIn } from './use-cases/sign-in.ts';
import { enrolTotp } from './use-cases/enrol-totp.ts';
import { confirmTotp } from './use-cases/confirm-totp.ts';
import { verifySecondFactor } from './use-cases/verify-second-factor.ts';
import { describeSession } from './use-cases/describe-session.ts';
import { switchOrganisation } from './use-cases/switch-organisation.ts';
import { signOut } from './use-cases/sign-out.ts';
import { requestPasswordReset } from './use-cases/request-password-reset.ts';
import { resetPassword } from './use-cases/reset-password.ts';
import { acceptInvitation } from './use-cases/accept-invitation.ts';

/** Per client address, on the routes that check a secret or send an email. */
const BRUTE_FORCE_LIMIT = { max: 20, timeWindow: '1 minute' };

/**
 * Sign-in, second factor, session, password reset, invitation acceptance (transport only: each
 * route calls one use case, and sets or clears the session cookie). The routes whose use case
 * writes in transactions of its own run without a request transaction (see each use case).
 */
export function authRoutes(routes: Routes): void {
  routes.add(
    R.login,
    async (ctx, { body }, reply) => {
      const opened = await signIn(ctx, body);
      setSessionCookie(reply, ctx.config, opened.session);
      return opened.response;
    },
    { rateLimit: BRUTE_FORCE_LIMIT, transaction: false },
  );
  routes.add(R.totpEnrol, (ctx) => enrolTotp(ctx), { transaction: false });
  routes.add(R.totpConfirm, (ctx, { body }) => confirmTotp(ctx, body), {
    rateLimit: BRUTE_FORCE_LIMIT,
    transaction: false,
  });
  routes.add(R.totpVerify, (ctx, { body }) => verifySecondFactor(ctx, body), {
    rateLimit: BRUTE_FORCE_LIMIT,
    transaction: false,
  });
  routes.add(R.me, (ctx) => describeSession(ctx));
  routes.add(R.switchOrganisation, (ctx, { body }) => switchOrganisation(ctx, body));
  routes.add(R.logout, async (ctx, _input, reply) => {
    await signOut(ctx, { everywhere: false });
    clearSessionCookie(reply, ctx.config);
  });
  routes.add(R.logoutAll, async (ctx, _input, reply) => {
    await signOut(ctx, { everywhere: true });
    clearSessionCookie(reply, ctx.config);
  });
  routes.add(R.passwordResetRequest, (ctx, { body }) => requestPasswordReset(ctx, body), {
    rateLimit: BRUTE_FORCE_LIMIT,
    transaction: false,
  });
  routes.add(R.passwordResetConfirm, (ctx, { body }) => resetPassword(ctx, body), {
    rateLimit: BRUTE_FORCE_LIMIT,
    transaction: false,
  });
  routes.add(
    R.acceptInvitation,
    async (ctx, { body }, reply) => {
      const opened = await acceptInvitation(ctx, body);
      setSessionCookie(reply, ctx.config, opened.session);
      return opened.response;
    },
    { rateLimit: BRUTE_FORCE_LIMIT, transaction: false },
  );
}
