import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../testing/memory-storage';

async function load() {
  vi.resetModules();
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('location', new URL('http://platform.test/units/b1'));
  const { session } = await import('../auth/session');
  session.store({ accessToken: 't', refreshToken: 'r', expiresIn: 900 });
  return (await import('./outbox')).outbox;
}

describe('the offline outbox', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('keeps a submission while there is no connection and sends it once, with its key, when it returns', async () => {
    const outbox = await load();
    const sent: { key: string | null; body: unknown }[] = [];
    let online = false;
    vi.stubGlobal('fetch', async (req: Request) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push({ key: req.headers.get('Idempotency-Key'), body: await req.json() });
      return new Response('{}', { status: 201 });
    });
    outbox.add({ key: 'k-1', label: '记录步骤 动员大会', path: '/api/campaigns/c/units/b1/steps', body: { stepKey: 'mobilization_meeting' } });
    outbox.add({ key: 'k-1', label: 'the same submission again', path: '/x', body: {} });
    await outbox.replay();
    expect(outbox.items().map((i) => i.state)).toEqual(['waiting']);
    online = true;
    await outbox.replay();
    await outbox.replay();
    expect(sent).toEqual([{ key: 'k-1', body: { stepKey: 'mobilization_meeting' } }]);
    expect(outbox.items()[0].state).toBe('sent');
  });

  it('marks a refused submission with the server’s reason and does not send it again', async () => {
    const outbox = await load();
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      return new Response(JSON.stringify({ statusCode: 422, message: '该步骤不属于当前阶段' }), { status: 422 });
    });
    outbox.add({ key: 'k-2', label: '记录步骤', path: '/api/x', body: {} });
    await outbox.replay();
    await outbox.replay();
    expect(calls).toBe(1);
    expect(outbox.items()[0]).toMatchObject({ state: 'refused', reason: '该步骤不属于当前阶段' });
  });

  it('asks the browser for a Background Sync when a submission is queued, and sends it once when another tab already did', async () => {
    const tags: string[] = [];
    const outbox = await load();
    vi.stubGlobal('navigator', { serviceWorker: { ready: Promise.resolve({ sync: { register: async (tag: string) => void tags.push(tag) } }) } });
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      return new Response('{}', { status: 201 });
    });
    outbox.add({ key: 'k-3', label: '记录步骤', path: '/api/x', body: {} });
    await Promise.resolve();
    await Promise.resolve();
    expect(tags).toEqual(['ctp-outbox']);
    // Another tab sent it and recorded so in the shared store: this tab's replay reads that first.
    localStorage.setItem('ctp.outbox', JSON.stringify(outbox.items().map((i) => ({ ...i, state: 'sent' }))));
    await outbox.replay();
    expect(calls).toBe(0);
    expect(outbox.items()[0].state).toBe('sent');
  });
});
