import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../testing/memory-storage';

async function load() {
  vi.resetModules();
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('location', new URL('http://platform.test/board'));
  const { session } = await import('../auth/session');
  const http = await import('./http');
  return { session, ...http };
}

const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('authFetch', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('renews the tokens once for parallel 401s and retries each request with the new token', async () => {
    const { session, authFetch } = await load();
    session.store({ accessToken: 'old', refreshToken: 'r1', expiresIn: 900 });
    const seen: string[] = [];
    let refreshes = 0;
    vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(new URL(input, 'http://platform.test'), init);
      if (req.url.endsWith('/api/auth/refresh')) {
        refreshes++;
        expect(await req.json()).toEqual({ refreshToken: 'r1' });
        return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900 });
      }
      seen.push(req.headers.get('authorization') ?? '');
      return req.headers.get('authorization') === 'Bearer new' ? json(200, { ok: true }) : json(401, {});
    });
    const answers = await Promise.all([authFetch(new Request('http://platform.test/api/a')), authFetch(new Request('http://platform.test/api/b'))]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(refreshes).toBe(1);
    expect(session.refreshToken()).toBe('r2');
    expect(seen.filter((h) => h === 'Bearer new')).toHaveLength(2);
  });

  it('ends the session and calls the sign-out handler when the refresh token is refused', async () => {
    const { session, authFetch, whenSignedOut } = await load();
    session.store({ accessToken: 'old', refreshToken: 'revoked', expiresIn: 900 });
    const signedOut = vi.fn();
    whenSignedOut(signedOut);
    vi.stubGlobal('fetch', async () => json(401, {}));
    expect((await authFetch(new Request('http://platform.test/api/a'))).status).toBe(401);
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(session.refreshToken()).toBeNull();
    expect(session.accessToken()).toBeNull();
  });

  it('reports a stale view with its position token and its lag in events and time', async () => {
    const { session, authFetch } = await load();
    const { viewStatus } = await import('./view-status');
    session.store({ accessToken: 't', refreshToken: 'r', expiresIn: 900 });
    const answer = (stale: string, position: string) => async () => new Response('{}', { status: 200, headers: { 'X-View-Stale': stale, 'X-View-Position': position } });
    vi.stubGlobal('fetch', answer('true; events=3; ms=1500; checkpoint=0000000000000038', '0000000000000041'));
    await authFetch(new Request('http://platform.test/api/campaigns/c/board'));
    expect(viewStatus.get()).toEqual({ stale: true, position: '0000000000000041', lag: { events: 3, ms: 1500 }, chainBroken: null });
    // A store that cannot count the events behind says only the time; its tokens are not digits.
    vi.stubGlobal('fetch', answer('true; ms=800; checkpoint=C:0000000000004096', 'C:0000000000008192'));
    await authFetch(new Request('http://platform.test/api/campaigns/c/board'));
    expect(viewStatus.get()).toEqual({ stale: true, position: 'C:0000000000008192', lag: { events: null, ms: 800 }, chainBroken: null });
  });

  it('reports a broken hash chain from any answer, and its end once acknowledged', async () => {
    const { session, authFetch } = await load();
    const { viewStatus } = await import('./view-status');
    session.store({ accessToken: 't', refreshToken: 'r', expiresIn: 900 });
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 503, headers: { 'X-Chain-Broken': '7' } }));
    await authFetch(new Request('http://platform.test/api/problems/p/progress', { method: 'POST' }));
    expect(viewStatus.get().chainBroken).toBe(7);
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 200 }));
    await authFetch(new Request('http://platform.test/api/auth/me'));
    expect(viewStatus.get().chainBroken).toBeNull();
  });
});
