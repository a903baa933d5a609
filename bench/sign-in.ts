import { generate } from 'otplib';
import { SESSION_COOKIE } from '../src/modules/identity/sessions.ts';
import type { TLoginResponse, TTotpEnrolResponse } from '../src/shared/contracts/identity.ts';

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

async function post(url: string, headers: Record<string, string>, body?: object): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} : ${res.status} ${await res.text()}`);
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
  const login = await post(`${baseUrl}/api/auth/login`, {}, account);
  await expectStatus(login, 200, `connexion de ${account.email}`);
  const token = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!token) throw new Error(`connexion de ${account.email} : pas de cookie de session`);
  const answer = (await login.json()) as TLoginResponse;
  const session: HttpSession = { headers: { cookie: token, 'x-csrf-token': answer.csrfToken } };

  if (answer.secondFactor === 'enrolment_required') {
    const enrol = await post(`${baseUrl}/api/auth/totp/enrol`, session.headers);
    await expectStatus(enrol, 200, `activation du second facteur de ${account.email}`);
    const factor = { secret: ((await enrol.json()) as TTotpEnrolResponse).secret, lastStep: -1 };
    factors.set(account.email, factor);
    const confirm = await post(`${baseUrl}/api/auth/totp/confirm`, session.headers, {
      code: await freshCode(factor),
    });
    await expectStatus(confirm, 200, `confirmation du second facteur de ${account.email}`);
  } else if (answer.secondFactor === 'required') {
    const factor = factors.get(account.email);
    if (!factor) throw new Error(`${account.email} : secret TOTP inconnu`);
    const verify = await post(`${baseUrl}/api/auth/totp/verify`, session.headers, {
      code: await freshCode(factor),
    });
    await expectStatus(verify, 204, `second facteur de ${account.email}`);
  }
  return session;
}
