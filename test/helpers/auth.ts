import { generate } from 'otplib';
import { desc, eq } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import type { TLoginResponse } from '../../src/shared/contracts/identity.ts';
import type { ErrorBody } from '../../src/kernel/http.ts';
import { SESSION_COOKIE } from '../../src/modules/identity/sessions.ts';
import { outboxEmails } from '../../src/modules/mail/schema.ts';

let address = 0;
/** A distinct client address per call, so that the sign-in rate limit only bites where a test wants it. */
export const freshIp = () => `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

export interface SignedIn {
  status: number;
  /** The sign-in answer or the error body, as the status says. */
  body: TLoginResponse & ErrorBody;
  headers: { cookie: string; 'x-csrf-token': string };
  setCookie:
    | { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; expires?: Date }
    | undefined;
}

export async function login(
  t: TestApp,
  email: string,
  password: string,
  options: { ip?: string; organisationId?: string } = {},
): Promise<SignedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: options.ip ?? freshIp(),
    payload: {
      email,
      password,
      ...(options.organisationId ? { organisationId: options.organisationId } : {}),
    },
  });
  return fromSessionResponse(res);
}

export function fromSessionResponse(res: Awaited<ReturnType<TestApp['app']['inject']>>): SignedIn {
  const setCookie = res.cookies.find((c) => c.name === SESSION_COOKIE) as SignedIn['setCookie'];
  const body = res.json<SignedIn['body']>();
  return {
    status: res.statusCode,
    body,
    setCookie,
    headers: { cookie: `${SESSION_COOKIE}=${setCookie?.value ?? ''}`, 'x-csrf-token': body.csrfToken ?? '' },
  };
}

/** The current TOTP code of a secret at the app's clock. */
export const totpCode = (t: TestApp, secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(t.deps.clock().getTime() / 1000) + offsetSeconds });

/** The token of the newest link of a given path mailed to an address. */
export async function tokenFromOutbox(t: TestApp, to: string, path: string): Promise<string> {
  const [email] = await t.deps.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, to.toLowerCase()))
    .orderBy(desc(outboxEmails.createdAt));
  const match = email?.textBody.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
  return match[1];
}
