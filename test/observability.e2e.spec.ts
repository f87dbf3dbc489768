import { EVENT_STORE, EventStore } from '@platform/event-store';
import { startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

/** The value of one sample line of the Prometheus text, found by its name and some of its labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('observability: Prometheus metrics at /metrics and one correlation id per request', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.close());

  it('counts requests by route template, times appends and reports each projection lag', async () => {
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await p.http().post('/api/organizations').set(admin).send({ unitId: 'city-m', name: '市', level: 'city', unitType: 'agency' }).expect(201);
    await p.http().get('/api/organizations/city-m').set(admin).expect(200);
    await p.http().get('/api/organizations/no-such-unit').set(admin).expect(404);

    const res = await p.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.text;
    // The template, never the id asked for: one series per route, whatever the ids.
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/organizations', status: '201' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/organizations/:unitId', status: '200' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/organizations/:unitId', status: '404' })).toBe(1);
    expect(text).not.toContain('city-m');
    expect(text).not.toContain('no-such-unit');
    expect(sample(text, 'event_store_append_duration_seconds_count', { streams: 'one', service: 'platform' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'projection_lag_events', { projection: 'progress-board' })).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^process_resident_memory_bytes\{service="platform"\} \d+/m);
  });

  it('answers the caller\'s correlation id back and keeps it on the events its command wrote', async () => {
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const res = await p
      .http()
      .post('/api/organizations')
      .set(admin)
      .set('X-Correlation-Id', 'trace-7f3a')
      .send({ unitId: 'county-m', name: '县', level: 'county', unitType: 'agency', parentId: 'city-m' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('trace-7f3a');
    const store = p.app.get<EventStore>(EVENT_STORE);
    const events = await store.readAll({ after: (await store.headPosition()) - 5 });
    expect(events.filter((e) => e.streamId.includes('county-m')).map((e) => e.correlationId)).toEqual(['trace-7f3a']);
  });

  it('gives a request without one (or with a malformed one) a fresh id, the same the events carry', async () => {
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const malformed = await p.http().get('/health').set('X-Correlation-Id', 'has spaces in it');
    expect(malformed.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const res = await p.http().post('/api/organizations').set(admin).send({ unitId: 'county-n', name: '另一县', level: 'county', unitType: 'agency', parentId: 'city-m' }).expect(201);
    const id = res.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const store = p.app.get<EventStore>(EVENT_STORE);
    const events = await store.readAll({ after: (await store.headPosition()) - 5 });
    expect(events.filter((e) => e.streamId.includes('county-n')).map((e) => e.correlationId)).toEqual([id]);
    // The command takes the id the middleware gave the request: a malformed one is replaced once, and the events say so.
    const replaced = await p.http().post('/api/organizations').set(admin).set('X-Correlation-Id', 'has spaces in it').send({ unitId: 'county-o', name: '第三县', level: 'county', unitType: 'agency', parentId: 'city-m' }).expect(201);
    const fresh = replaced.headers['x-correlation-id'];
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    const later = await store.readAll({ after: (await store.headPosition()) - 5 });
    expect(later.filter((e) => e.streamId.includes('county-o')).map((e) => e.correlationId)).toEqual([fresh]);
  });
});
