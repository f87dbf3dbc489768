import { educationCampaign, TOWNSHIP_TREE } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

describe('satisfaction evaluation (满意度测评): below the threshold means 补课 and a new round', () => {
  let p: TestPlatform;
  let office: Headers, inspector: Headers, op1: Headers, op2: Headers;
  const unit = '/api/campaigns/c1/units/b1/satisfaction';
  const post = async (path: string, actor: Headers | null, body: object, status = 201) => {
    const req = p.http().post(path);
    const res = await (actor ? req.set(actor) : req).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  /** A meeting's tally by the unit's operator, counted 满意, 比较满意, 基本满意, 不满意. */
  const tally = (round: number, tallyId: string, meeting: string, [satisfied, fairlySatisfied, basicallySatisfied, dissatisfied]: number[]) =>
    post(`${unit}/tallies`, op1, { round, tallyId, meeting, counts: { satisfied, fairly_satisfied: fairlySatisfied, basically_satisfied: basicallySatisfied, dissatisfied } });

  beforeAll(async () => {
    p = await startTestPlatform();
    await post('/api/organizations/import', await p.signIn('admin-1', 'admin'), { units: TOWNSHIP_TREE });
    office = await p.signIn('office-1', 'office', ['city']);
    inspector = await p.signIn('insp-1', 'inspector', ['t1']);
    op1 = await p.signIn('op-b1', 'operator', ['b1']);
    op2 = await p.signIn('op-b2', 'operator', ['b2']);
    await post('/api/campaigns', office, educationCampaign({ subtreeRootId: 't1' }, { satisfactionThreshold: 0.8 }));
  });
  afterAll(async () => p.close());

  it('fails round 1 (meeting tally plus anonymous ballots), makes up, and passes round 2', async () => {
    await post(`${unit}/rounds`, op2, { round: 1 }, 403);
    await post(`${unit}/rounds`, op1, { round: 1 });
    await tally(1, 'meeting-1', '党员群众代表测评会', [40, 15, 10, 35]);
    await post(`${unit}/tallies`, op1, { round: 1, tallyId: 'meeting-2', meeting: '复核', counts: { satisfied: -1 } }, 400);

    // The masses vote without signing in; the public page tells them which round is open, and names the unit.
    expect((await p.http().get(`/api/public/campaigns/c1/units/b1/satisfaction`).expect(200)).body).toMatchObject({ unitId: 'b1', unitName: '一村党支部', openRound: 1, standing: 'not_measured' });
    await post(`${unit}/ballots`, null, { round: 1, ballotId: 'web-0001', grade: 'satisfied' });
    await post(`${unit}/ballots`, null, { round: 1, ballotId: 'web-0002', grade: 'dissatisfied' });
    expect((await post(`${unit}/ballots`, null, { round: 1, ballotId: 'web-0001', grade: 'satisfied' }, 422)).body.code).toBe('ballot_duplicate');
    await post(`${unit}/ballots`, null, { round: 1, ballotId: 'web-0003', grade: 'thrilled' }, 400);
    // Nothing else is open to the public.
    await post(`${unit}/close`, null, { round: 1 }, 401);
    await post(`${unit}/rounds`, null, { round: 2 }, 401);

    const closed = await post(`${unit}/close`, inspector, { round: 1 });
    expect(closed.body.eventTypes).toEqual(['SatisfactionRoundClosed']);
    let s = (await p.http().get(unit).set(op1).expect(200)).body;
    expect([s.standing, s.standingName, s.threshold, s.openRound]).toEqual(['make_up', '未达标，须补课', 0.8, null]);
    expect(s.rounds[0]).toMatchObject({ round: 1, total: 102, ballotCount: 2, tallyIds: ['meeting-1'] });
    expect(s.rounds[0].result).toMatchObject({ threshold: 0.8, passed: false });
    expect(s.rounds[0].result.rate).toBeCloseTo(66 / 102, 10);

    await post(`${unit}/rounds`, op1, { round: 2 });
    await tally(2, 'meeting-3', '补课后再测评', [70, 15, 5, 10]);
    await post(`${unit}/close`, office, { round: 2 });
    s = (await p.http().get(unit).set(office).expect(200)).body;
    expect([s.standing, s.rounds.map((r: { result: { passed: boolean } }) => r.result.passed)]).toEqual(['passed', [false, true]]);
    expect((await post(`${unit}/rounds`, op1, { round: 3 }, 422)).body.code).toBe('already_passed');

    const shown = (await p.http().get('/api/public/campaigns/c1/units/b1/satisfaction').expect(200)).body;
    expect(shown.results.map((r: { round: number; passed: boolean }) => [r.round, r.passed])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('stores no voter identity with an anonymous ballot', async () => {
    const events = (await p.http().get('/api/streams/satisfaction-c1.b1/events').set(office).expect(200)).body.events;
    const ballots = events.filter((e: { type: string }) => e.type === 'BallotCast');
    expect(ballots).toHaveLength(2);
    for (const b of ballots) {
      expect(b.actor).toEqual({ userId: 'anonymous', role: 'public', unitId: null });
      expect(Object.keys(b.data).sort()).toEqual(['ballotId', 'campaignId', 'grade', 'round', 'unitId']);
    }
    // Organizers entering a paper ballot stay on the record as themselves.
    await post('/api/campaigns/c1/units/b2/satisfaction/rounds', op2, { round: 1 });
    await post('/api/campaigns/c1/units/b2/satisfaction/ballots', op2, { round: 1, ballotId: 'paper-1', grade: 'fairly_satisfied' });
    await post('/api/campaigns/c1/units/b2/satisfaction/ballots', op1, { round: 1, ballotId: 'paper-2', grade: 'satisfied' }, 403);
    const b2 = (await p.http().get('/api/streams/satisfaction-c1.b2/events').set(office).expect(200)).body.events;
    expect(b2[1].actor).toMatchObject({ userId: 'op-b2', role: 'operator' });
    await p.http().get('/api/campaigns/c1/units/b1/satisfaction').set(op2).expect(404);
  });
});
