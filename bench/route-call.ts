import { routePath, type RouteContract } from '../src/shared/routes/define.ts';

export interface RouteInput {
  params?: object;
  query?: Record<string, string>;
  body?: object;
}

export interface RouteAnswer {
  /** The status is the route's success status (201 for a creation, 204 for no content, else 200). */
  ok: boolean;
  status: number;
  text: string;
  headers: Headers;
}

/** Calls a route through its shared contract (method, path, success status), as the web client does. */
export async function callRoute(
  baseUrl: string,
  headers: Record<string, string>,
  contract: RouteContract,
  input: RouteInput = {},
): Promise<RouteAnswer> {
  const success = contract.response === null ? 204 : (contract.status ?? 200);
  const query = input.query ? `?${new URLSearchParams(input.query)}` : '';
  const res = await fetch(`${baseUrl}${routePath(contract, input.params)}${query}`, {
    method: contract.method,
    headers: input.body ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(input.body ? { body: JSON.stringify(input.body) } : {}),
  });
  const text = await res.text();
  return { ok: res.status === success, status: res.status, text, headers: res.headers };
}
