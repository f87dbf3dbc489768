import { documentProjection, ProjectionRunner } from '@platform/read-models';
import { eventually } from './support/eventually';
import { Headers, startTestPlatform, TEST_ADMIN, TestPlatform } from './support/test-platform';

type ProjectionItem = { name: string; lag: number; state: string; retrying: boolean; lastError: { message?: string; position: number } | null };

describe('a failing projection is reported in /health and retried, never stopped silently', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.close());

  it('shows the lag and the error while it fails, and catches up once the cause is gone', async () => {
    let broken = true;
    p.app.get(ProjectionRunner).register(
      documentProjection<{ _id: string; count: number }, unknown>({
        name: 'fragile-counter',
        version: 1,
        collection: 'fragile_counts',
        handles: ['UnitCreated'],
        id: () => 'all',
        evolve: (doc) => {
          if (broken) throw new Error('counter store unavailable');
          return { _id: 'all', count: (doc?.count ?? 0) + 1 };
        },
      }),
    );
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '市', level: 'city', unitType: 'agency' }).expect(201);

    const fragile = async (headers: Headers = {}): Promise<ProjectionItem> => {
      const res = await p.http().get('/health').set(headers).expect(200);
      return res.body.projections.items.find((x: ProjectionItem) => x.name === 'fragile-counter');
    };
    let seen = await eventually(() => fragile(admin), (x) => Boolean(x.lastError));
    expect(seen).toMatchObject({ retrying: true, lastError: { message: expect.stringContaining('counter store unavailable') } });
    expect(seen.lag).toBeGreaterThan(0);
    const anonymous = await fragile();
    expect(anonymous.lastError).not.toHaveProperty('message');
    expect((await p.http().get('/health').expect(200)).body.projections.healthy).toBe(false);

    broken = false;
    seen = await eventually(() => fragile(admin), (x) => x.lag === 0 && !x.retrying, 10_000);
    expect(seen).toMatchObject({ lag: 0, retrying: false });
  });
});
