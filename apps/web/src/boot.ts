import { refreshSession } from './auth/refresh';
import { session } from './auth/session';

/**
 * The app's first module (index.html names it before main.tsx): a returning reader's access token
 * lives in memory only, so every load renews it from the tab's refresh token. Started here, that
 * round trip overlaps the start of the app (React's first render, the page's code loading) instead
 * of following it; the app's first requests wait for this same renewal (refresh.ts).
 */
if (!session.accessToken() && session.refreshToken() && location.pathname !== '/sign-in' && !location.pathname.startsWith('/public/')) {
  refreshSession().catch(() => undefined);
}
