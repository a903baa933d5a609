/**
 * The one way the web client talks to /api: same-origin cookies, JSON, the session's CSRF token on
 * writes, and every error turned into an ApiError carrying the server's French message and field errors.
 */
import { routePath } from '@shared/routes/define.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';

/** Field path (dot-joined, as Mantine form paths) → French message. */
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isVersionConflict(): boolean {
    return this.code === 'VERSION_CONFLICT';
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token lives in memory only: GET /api/auth/me and sign-in answers provide it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Set by the router so that an expired session anywhere sends the user back to /connexion.
let unauthenticatedHandler: ((error: ApiError) => void) | null = null;
export function onUnauthenticated(handler: ((error: ApiError) => void) | null): void {
  unauthenticatedHandler = handler;
}

/**
 * A page opened directly (reset link, invitation) may carry a session cookie from an earlier
 * sign-in while the token in memory is gone: ask the session for it before the first write.
 */
async function recoverCsrfToken(): Promise<string | null> {
  try {
    const response = await fetch(routePath(AUTH_ROUTES.me), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return null;
    const me = AUTH_ROUTES.me.response.safeParse(await response.json());
    csrfToken = me.success ? me.data.csrfToken : null;
  } catch {
    return null;
  }
  return csrfToken;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Appends the defined, non-empty parameters to a path. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData is sent as is (multipart). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Auth endpoints and the session probe answer 401 as part of their normal flow: they must not
   * trigger the redirection to the sign-in page.
   */
  allowUnauthenticated?: boolean;
  /** A download (PDF, document): the answer as a Blob instead of JSON. */
  blob?: boolean;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Veuillez vous connecter.',
  403: 'Action non autorisée.',
  404: 'Élément introuvable.',
  413: 'Fichier ou requête trop volumineux.',
  429: 'Trop de tentatives. Réessayez dans quelques minutes.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (proxy error page…): fall back to a message by status.
  }
  const error =
    body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object'
      ? (body.error as { code?: unknown; message?: unknown; fields?: unknown })
      : null;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : (FALLBACK_MESSAGES[response.status] ?? 'Erreur du serveur. Réessayez plus tard.');
  const fields =
    error?.fields && typeof error.fields === 'object' ? (error.fields as FieldErrors) : undefined;
  return new ApiError(response.status, code, message, fields);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = csrfToken ?? (await recoverCsrfToken());
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Impossible de joindre le serveur. Vérifiez votre connexion.');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.allowUnauthenticated) unauthenticatedHandler?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.blob) return (await response.blob()) as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
