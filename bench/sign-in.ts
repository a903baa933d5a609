import { generate } from 'otplib';
import { SESSION_COOKIE } from '../src/modules/identity/sessions.ts';
import type { TLoginResponse, TTotpEnrolResponse } from '../src/shared/contracts/identity.ts';
import { AUTH_ROUTES } from '../src/shared/routes/identity.ts';
import { callRoute, type RouteAnswer } from './route-call.ts';

/** A signed-in session over HTTP: the headers every call sends (the CSRF token for writes). */
export interface HttpSession {
  headers: { cookie: string; 'x-csrf-token': string };
}

/**
 * The TOTP secret of each account and the last time step it used: the server takes a code once
 * (replays are refused), so a second sign-in within the same 30 s needs the next step's code.
 */
export type SecondFactors = Map<string, { secret: string; lastStep: number }>;

const PERIOD_SECONDS = 30;

/** A code of a step the account has not used, within the server's one-step tolerance (or the next step's, waited for). */
async function freshCode(factor: { secret: string; lastStep: number }): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
    const usable = [step, step + 1].find((s) => s > factor.lastStep);
    if (usable !== undefined) {
      factor.lastStep = usable;
      return generate({ secret: factor.secret, epoch: usable * PERIOD_SECONDS });
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * PERIOD_SECONDS * 1000 - Date.now() + 50));
  }
}

async function expectOk(answer: Promise<RouteAnswer>, what: string): Promise<RouteAnswer> {
  const res = await answer;
  if (!res.ok) throw new Error(`${what} : ${res.status} ${res.text}`);
  return res;
}

/**
 * Signs in as a user would: password, then the second factor — enrolled on the first sign-in of an
 * account whose role needs one (the secret is kept in `factors`), a code from the authenticator after.
 */
export async function signIn(
  baseUrl: string,
  account: { email: string; password: string },
  factors: SecondFactors,
): Promise<HttpSession> {
  const login = await expectOk(
    callRoute(baseUrl, {}, AUTH_ROUTES.login, { body: account }),
    `connexion de ${account.email}`,
  );
  const token = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!token) throw new Error(`connexion de ${account.email} : pas de cookie de session`);
  const answer = JSON.parse(login.text) as TLoginResponse;
  const session: HttpSession = { headers: { cookie: token, 'x-csrf-token': answer.csrfToken } };

  if (answer.secondFactor === 'enrolment_required') {
    const enrol = await expectOk(
      callRoute(baseUrl, session.headers, AUTH_ROUTES.totpEnrol),
      `activation du second facteur de ${account.email}`,
    );
    const factor = { secret: (JSON.parse(enrol.text) as TTotpEnrolResponse).secret, lastStep: -1 };
    factors.set(account.email, factor);
    await expectOk(
      callRoute(baseUrl, session.headers, AUTH_ROUTES.totpConfirm, {
        body: { code: await freshCode(factor) },
      }),
      `confirmation du second facteur de ${account.email}`,
    );
  } else if (answer.secondFactor === 'required') {
    const factor = factors.get(account.email);
    if (!factor) throw new Error(`${account.email} : secret TOTP inconnu`);
    await expectOk(
      callRoute(baseUrl, session.headers, AUTH_ROUTES.totpVerify, {
        body: { code: await freshCode(factor) },
      }),
      `second facteur de ${account.email}`,
    );
  }
  return session;
}
