import { session, TokenPair } from './session';

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access token from the tab's refresh token. One refresh at a time: parallel 401s (and
 * the start of the app, see boot.ts) wait for the same rotation instead of replaying a used token.
 */
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
