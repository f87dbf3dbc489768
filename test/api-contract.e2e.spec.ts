import { createHash } from 'node:crypto';
import { fieldsOf, rulesOf } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

let office: Headers;
let admin: Headers;

describe('HTTP command contract: validation, If-Match, idempotency, errors', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
    office = await p.signIn('office-1', 'office', ['city']);
    admin = await p.signIn('admin-1', 'admin');
    await p.http().post('/api/organizations').set(admin).send({ unitId: 'city', name: '常德市', level: 'city', unitType: 'agency' }).expect(201);
  });
  afterAll(async () => p.close());

  it('answers 400 naming the field and the rule, and writes nothing', async () => {
    const res = await p.writesNothing(() =>
      p.http().post('/api/organizations').set(office).send({ unitId: 'bad id!', name: '', level: 'province', unitType: 'agency', parentId: 'city', memberCount: -1, extra: 1 }).expect(400),
    );
    expect(rulesOf(res.body)).toEqual(expect.arrayContaining(['unitId:matches', 'name:isLength', 'level:isIn', 'memberCount:min', 'extra:not_allowed']));
    expect(res.body.message.join(' ')).toContain('unitId');
  });

  it('validates nested bodies and path parameters with field paths', async () => {
    await p.writesNothing(async () => {
      const res = await p.http().post('/api/campaigns/c1/units/u1/participation').set(admin).send({ shouldAttend: 10, attended: 'all', excused: [{ reason: '', count: 0 }] }).expect(400);
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['attended', 'excused.0.reason', 'excused.0.count']));
      const param = await p.http().post('/api/campaigns/x!/units/u1/participation').set(admin).send({ shouldAttend: 1, attended: 1 }).expect(400);
      expect(param.body.errors[0]).toMatchObject({ field: 'campaignId', rule: 'matches' });
    });
  });

  it('refuses malformed JSON and a future occurredAt with 400', async () => {
    await p.http().post('/api/organizations').set(office).set('content-type', 'application/json').send('{"unitId":').expect(400);
    const res = await p.writesNothing(() =>
      p.http().post('/api/campaigns/none/units/u1/participation').set(admin).send({ shouldAttend: 10, attended: 9, occurredAt: '2999-01-01T00:00:00Z' }).expect(400),
    );
    expect(res.body.errors[0]).toMatchObject({ field: 'occurredAt', rule: 'notInFuture' });
  });

  it('answers 422 with a stable code when a business rule refuses, and writes nothing', async () => {
    const res = await p.writesNothing(() =>
      p.http().post('/api/organizations').set(admin).send({ unitId: 'orphan', name: '无上级', level: 'county', unitType: 'agency', parentId: 'missing' }).expect(422),
    );
    expect(res.body).toMatchObject({ code: 'parent_not_found' });
  });

  it('maps If-Match to the expected stream revision: a stale one is a 409, the current one succeeds', async () => {
    const created = await p
      .http()
      .post('/api/organizations')
      .set(office)
      .send({ unitId: 'county-a', name: '武陵区', level: 'county', unitType: 'agency', parentId: 'city' })
      .expect(201);
    expect(created.headers.etag).toBe('"0"');
    await p.http().post('/api/organizations/county-a/rename').set(office).set('If-Match', '"0"').send({ name: '武陵区委' }).expect(201);
    const stale = await p.writesNothing(() => p.http().post('/api/organizations/county-a/rename').set(office).set('If-Match', '"0"').send({ name: '武陵区委员会' }).expect(409));
    expect(stale.body).toMatchObject({ code: 'revision_conflict', expected: 0, actual: 1 });
    const current = await p.http().get('/api/organizations/county-a').set(office).expect(200);
    expect(current.headers.etag).toBe('"1"');
    await p.http().post('/api/organizations/county-a/rename').set(office).set('If-Match', current.headers.etag).send({ name: '武陵区委员会' }).expect(201);
    await p.http().post('/api/organizations/county-a/rename').set(office).set('If-Match', 'yesterday').send({ name: 'x' }).expect(400);
  });

  it('returns the first result for a retried Idempotency-Key and appends nothing new', async () => {
    const body = { unitId: 'county-b', name: '鼎城区', level: 'county', unitType: 'agency', parentId: 'city' };
    const first = await p.http().post('/api/organizations').set(office).set('Idempotency-Key', 'create-county-b').send(body).expect(201);
    await p.writesNothing(async () => {
      const retry = await p.http().post('/api/organizations').set(office).set('Idempotency-Key', 'create-county-b').send(body).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect({ ...retry.body, replayed: false }).toEqual(first.body);
      const reused = await p.http().post('/api/organizations').set(office).set('Idempotency-Key', 'create-county-b').send({ ...body, name: '别的名字' }).expect(422);
      expect(reused.body.code).toBe('idempotency_key_reused');
    });
  });

  it('stores concurrent retries of one Idempotency-Key once', async () => {
    const body = { unitId: 'county-c', name: '桃源县', level: 'county', unitType: 'agency', parentId: 'city' };
    const before = await p.headPosition();
    const answers = await Promise.all(
      [1, 2, 3].map(() => p.http().post('/api/organizations').set(office).set('Idempotency-Key', 'race-c').send(body)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.positions[0])).size).toBe(1);
    expect(await p.headPosition()).toBe(before + 1);
  });

  it('answers 401 to a command without an actor', async () => {
    await p.http().post('/api/organizations').send({ unitId: 'x', name: 'x', level: 'city', unitType: 'agency' }).expect(401);
  });

  it('tags a read with a weak ETag of its bytes (SHA-1) and answers 304 to a client that has them', async () => {
    const first = await p.http().get('/api/auth/me').set(office).expect(200);
    expect(first.headers.etag).toBe(`W/"${createHash('sha1').update(first.text).digest('base64')}"`);
    const again = await p.http().get('/api/auth/me').set(office).set('If-None-Match', first.headers.etag).expect(304);
    expect(again.text).toBe('');
  });

  it('serves the OpenAPI document and health', async () => {
    const doc = await p.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/organizations', '/api/campaigns', '/api/campaigns/{campaignId}/units/{unitId}/steps']),
    );
    await p.http().get('/api/docs').expect(200);
    expect((await p.http().get('/health').expect(200)).body.status).toBe('ok');
  });

  it('keeps its data across a restart on the same data directory', async () => {
    const before = await p.headPosition();
    await p.restart();
    office = await p.signIn('office-1', 'office', ['city']);
    expect(await p.headPosition()).toBe(before);
    const unit = await p.http().get('/api/organizations/county-a').set(office).expect(200);
    expect(unit.body.name).toBe('武陵区委员会');
  });
});
