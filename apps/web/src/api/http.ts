import createClient from 'openapi-fetch';
import { session, TokenPair } from '../auth/session';
import type { paths } from './schema';
import { viewStatus } from './view-status';

/** Called when the session cannot be renewed: the app returns to the sign-in page. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: parallel 401s wait for the same rotation instead of replaying a used token. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return false;
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!res.ok) return false;
    session.store((await res.json()) as TokenPair);
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withAuth(request: Request): Request {
  const token = session.accessToken();
  const r = request.clone();
  if (token) r.headers.set('authorization', `Bearer ${token}`);
  return r;
}

/**
 * fetch with the signed-in user's token: a 401 renews the tokens silently and retries once; when
 * that fails the session ends. Views report X-View-Stale and X-View-Position to the stale banner,
 * and any answer's X-Chain-Broken to the broken-chain banner.
 */
export async function authFetch(input: Request): Promise<Response> {
  const isAuthCall = new URL(input.url, location.href).pathname.startsWith('/api/auth/sign-in');
  if (!session.accessToken() && session.refreshToken() && !isAuthCall) await refreshSession();
  let res = await fetch(withAuth(input));
  if (res.status === 401 && !isAuthCall && session.refreshToken()) {
    if (await refreshSession()) res = await fetch(withAuth(input));
  }
  if (res.status === 401 && !isAuthCall) {
    session.clear();
    onSignedOut();
  }
  const position = res.headers.get('X-View-Position');
  if (position !== null && input.method === 'GET') viewStatus.report({ stale: res.headers.get('X-View-Stale') === 'true', position: Number(position) });
  const broken = res.headers.get('X-Chain-Broken');
  viewStatus.report({ chainBroken: broken === null ? null : Number(broken) });
  return res;
}

/** The typed client: paths, parameters and documented bodies come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: location.origin, fetch: authFetch });
