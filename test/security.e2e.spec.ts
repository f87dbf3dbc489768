import { Headers, startTestPlatform, TEST_ADMIN, TEST_PASSWORD, TestPlatform } from './support/test-platform';

const TREE = [
  { unitId: 'city', name: '市', level: 'city', unitType: 'agency' },
  { unitId: 'ca', name: '甲区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'cb', name: '乙区', level: 'county', unitType: 'agency', parentId: 'city' },
  { unitId: 'ba', name: '甲支部', level: 'branch', unitType: 'community', parentId: 'ca', memberCount: 10 },
  { unitId: 'bb', name: '乙支部', level: 'branch', unitType: 'community', parentId: 'cb', memberCount: 12 },
];

describe('sign-in, tokens and the security log', () => {
  let p: TestPlatform;
  let admin: Headers;
  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.signIn(TEST_ADMIN.username, 'admin');
    await p.http().post('/api/organizations/import').set(admin).send({ units: TREE }).expect(201);
    await p.signIn('office-a', 'office', ['ca']);
  });
  afterAll(async () => p.close());

  const signIn = (username: string, password: string) => p.http().post('/api/auth/sign-in').send({ username, password });

  it('refuses a wrong password and an unknown user alike, and logs both', async () => {
    const wrong = await signIn('office-a', 'not-the-password').expect(401);
    const unknown = await signIn('nobody', 'not-the-password').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    const log = await p.http().get('/api/security-log?kind=sign_in_failed').set(admin).expect(200);
    expect(log.body.entries.map((e: { username: string; detail: { reason: string } }) => [e.username, e.detail.reason])).toEqual(
      expect.arrayContaining([
        ['office-a', 'wrong_password'],
        ['nobody', 'unknown_user'],
      ]),
    );
    expect(JSON.stringify(log.body)).not.toContain('not-the-password');
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = (await signIn('office-a', TEST_PASSWORD).expect(200)).body;
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { userId: 'office-a', role: 'office', scopeUnitIds: ['ca'] } });
    const second = (await p.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    await p.http().get('/api/auth/me').set('authorization', `Bearer ${second.accessToken}`).expect(200);
    await p.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await p.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    const log = await p.http().get('/api/security-log?kind=refresh_token_reused').set(admin).expect(200);
    expect(log.body.entries[0]).toMatchObject({ userId: 'office-a', detail: { revokedTokens: expect.any(Number) } });
    expect(log.body.entries[0].detail.revokedTokens).toBeGreaterThanOrEqual(1);
  });

  it('answers only one of two simultaneous refreshes with the same token; the other is a detected reuse', async () => {
    const first = (await signIn('office-a', TEST_PASSWORD).expect(200)).body;
    const before = (await p.http().get('/api/security-log?kind=refresh_token_reused').set(admin).expect(200)).body.entries.length;
    const answers = await Promise.all([0, 1].map(() => p.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    const log = await p.http().get('/api/security-log?kind=refresh_token_reused').set(admin).expect(200);
    expect(log.body.entries).toHaveLength(before + 1);
    // The family is stolen: the token the answered request got was revoked with it (presenting it is a reuse too).
    const answered = answers.find((a) => a.status === 200)!.body;
    await p.http().post('/api/auth/refresh').send({ refreshToken: answered.refreshToken }).expect(401);
  });

  it('revokes the refresh token on sign-out', async () => {
    const s = (await signIn('office-a', TEST_PASSWORD).expect(200)).body;
    await p.http().post('/api/auth/sign-out').send({ refreshToken: s.refreshToken }).expect(204);
    await p.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    const log = await p.http().get('/api/security-log?kind=token_revoked').set(admin).expect(200);
    expect(log.body.entries.some((e: { userId: string; detail: { reason: string } }) => e.userId === 'office-a' && e.detail.reason === 'signed_out')).toBe(true);
  });

  it('shuts a disabled account out at once, token or not', async () => {
    const op = await p.signIn('op-x', 'operator', ['ba']);
    await p.http().get('/api/auth/me').set(op).expect(200);
    await p.http().post('/api/users/op-x/disable').set(admin).send({ reason: '调离' }).expect(201);
    await p.http().get('/api/auth/me').set(op).expect(401);
    await signIn('op-x', TEST_PASSWORD).expect(401);
    await p.http().post('/api/users/op-x/enable').set(admin).send({}).expect(201);
    await signIn('op-x', TEST_PASSWORD).expect(200);
  });

  it('takes the actor from the token only: a forged header is ignored, a forged body field refused', async () => {
    const op = await p.signIn('op-a', 'operator', ['ba']);
    const forged = { 'x-dev-actor': 'admin-1;admin;', 'x-actor': 'admin-1', 'x-user-id': 'admin-1' };
    const ok = await p.http().post('/api/organizations/ba/member-count').set({ ...op, ...forged }).send({ memberCount: 11 }).expect(201);
    const events = await p.http().get('/api/streams/org-ba/events').set(admin).expect(200);
    const changed = events.body.events.find((e: { eventId: string }) => e.eventId === ok.body.eventIds[0]);
    expect(changed.actor).toEqual({ userId: 'op-a', role: 'operator', unitId: 'ba' });

    const res = await p.writesNothing(() =>
      p.http().post('/api/organizations/ba/member-count').set(op).send({ memberCount: 12, actor: { userId: 'admin-1', role: 'admin' } }).expect(400),
    );
    expect(res.body.errors[0]).toMatchObject({ field: 'actor', rule: 'not_allowed' });
    await p.http().post('/api/organizations/ba/member-count').set(forged).send({ memberCount: 13 }).expect(401);
  });

  it('answers 404 to reads and 403 to writes outside the scope, revealing nothing', async () => {
    const office = await p.signIn('office-a', 'office', ['ca']);
    const outside = await p.http().get('/api/organizations/bb').set(office).expect(404);
    const missing = await p.http().get('/api/organizations/no-such-unit').set(office).expect(404);
    expect(outside.body).toEqual(missing.body);
    const list = await p.http().get('/api/organizations').set(office).expect(200);
    expect(list.body.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual(['ba', 'ca']);
    expect(list.body.total).toBe(2);
    await p.writesNothing(() => p.http().post('/api/organizations/bb/rename').set(office).send({ name: '改名' }).expect(403));
    const refusals = await p.http().get('/api/security-log?kind=access_refused').set(admin).expect(200);
    expect(refusals.body.entries.some((e: { userId: string; detail: { status: number } }) => e.userId === 'office-a' && e.detail.status === 403)).toBe(true);
  });

  it('answers a write whose unit field is empty or malformed 400 naming the field, and one naming a unit outside the scope 403', async () => {
    const office = await p.signIn('office-a', 'office', ['ca']);
    const launch = { campaignId: 'scope-check', name: '范围检查', templateKey: 'advanced-education', batch: 1, plannedPhases: [{ phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' }] };
    // A launch form sent before its scope was picked: the field is named, not "forbidden".
    for (const subtreeRootId of ['', '不是编码']) {
      const bad = await p.writesNothing(() => p.http().post('/api/campaigns').set(office).send({ ...launch, subtreeRootId }).expect(400));
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'subtreeRootId', rule: 'matches' })]);
    }
    const none = await p.writesNothing(() => p.http().post('/api/campaigns').set(office).send(launch).expect(400));
    expect(new Set(none.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['unitIds', 'subtreeRootId']));
    // Well-formed: outside the scope, and unknown, are both 403 alike (an unknown id reveals nothing of what exists).
    const outside = await p.writesNothing(() => p.http().post('/api/campaigns').set(office).send({ ...launch, subtreeRootId: 'cb' }).expect(403));
    const unknown = await p.writesNothing(() => p.http().post('/api/campaigns').set(office).send({ ...launch, subtreeRootId: 'no-such-unit' }).expect(403));
    expect(unknown.body).toEqual(outside.body);
    // An invalid body naming units outside the scope is still refused as such (its other fields are not looked at).
    await p.writesNothing(() => p.http().post('/api/campaigns').set(office).send({ ...launch, name: '', subtreeRootId: 'cb' }).expect(403));
  });

  it('records user management as events, without any secret', async () => {
    await p.http().post('/api/users/op-a/role').set(admin).send({ role: 'inspector' }).expect(201);
    await p.http().post('/api/users/op-a/scope').set(admin).send({ scopeUnitIds: ['ca'] }).expect(201);
    await p.http().post('/api/users/op-a/password').set(admin).send({ password: 'another-long-password' }).expect(201);
    const stream = await p.http().get('/api/streams/user-op-a/events').set(admin).expect(200);
    expect(stream.body.events.map((e: { type: string }) => e.type)).toEqual(['UserRegistered', 'PasswordSet', 'RoleGranted', 'ScopeChanged', 'PasswordSet']);
    expect(stream.body.events[2].actor.userId).toBe(TEST_ADMIN.username);
    const text = JSON.stringify(stream.body);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain('another-long-password');
    const office = await p.signIn('office-a', 'office', ['ca']);
    await p.http().get('/api/streams/user-op-a/events').set(office).expect(404);
    await p.http().get('/api/security-log').set(office).expect(403);
    await p.http().get('/api/users').set(office).expect(403);
  });

  it('lets anyone read what is public, and nobody else without signing in', async () => {
    await p.http().get('/api/campaign-templates').expect(200);
    await p.http().get('/health').expect(200);
    await p.http().get('/api/organizations').expect(401);
    await p.http().get('/api/organizations').set('authorization', 'Bearer not.a.token').expect(401);
  });

  it('sends security headers, keeps CORS closed, and limits the body size', async () => {
    const res = await p.http().get('/health').set('origin', 'https://elsewhere.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await p.http().options('/api/organizations').set('origin', 'https://elsewhere.example').set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const huge = 'x'.repeat(6 * 1024 * 1024);
    await p.writesNothing(() => p.http().post('/api/organizations/import').set(admin).send({ csv: huge }).expect(413));
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per client and logs it', async () => {
    const p = await startTestPlatform({ limits: { signInPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await p.http().post('/api/auth/sign-in').send({ username: 'x', password: 'y' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    await p.close();
  });

  it('limits writes per user, not reads, and logs it', async () => {
    const p = await startTestPlatform({ limits: { writesPerMinute: 4 } });
    const admin = await p.signIn(TEST_ADMIN.username, 'admin');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await p.http().post('/api/organizations').set(admin).send({ unitId: `c${i}`, name: `市${i}`, level: 'city', unitType: 'agency' })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    for (let i = 0; i < 6; i++) await p.http().get('/api/organizations').set(admin).expect(200);
    const log = await p.http().get('/api/security-log?kind=rate_limited').set(admin).expect(200);
    expect(log.body.entries.length).toBeGreaterThanOrEqual(2);
    await p.close();
  });
});
