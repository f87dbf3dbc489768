import { expectStatus, recordStudy, ViewsWorld } from '../libs/views/src/testing/views-world';
import { CAMPAIGN } from '../libs/views/src/testing/view-fixtures';
import { eventually } from './support/eventually';
import { problemRegistration } from './support/fixtures';
import { openEventStream } from './support/event-stream';
import { embeddedToken } from './support/position-tokens';
import { Headers, TestPlatform } from './support/test-platform';
import { startViewsPlatform } from './support/views-platform';

let now = new Date('2026-03-25T02:00:00Z');

interface Item {
  itemId: string;
  kind: string;
  position: string;
  read: boolean;
  resolved: boolean;
  title: string;
  link: { kind: string; id: string };
}

describe('the inbox (待办) over HTTP', () => {
  let p: TestPlatform;
  let w: ViewsWorld;
  let operator3: Headers;
  let operator2: Headers;

  const inbox = async (who: Headers, query = '') => (await expectStatus(p.http().get(`/api/inbox${query}`).set(who), 200)).body as { unread: number; position: string; items: Item[] };
  const count = async (who: Headers) => (await expectStatus(p.http().get('/api/inbox/count').set(who), 200)).body as { unread: number; position: string; stale: boolean };
  const kinds = (items: Item[]) => items.map((i) => i.kind).sort();

  beforeAll(async () => {
    ({ p, w } = await startViewsPlatform({ clock: () => now }));
    operator2 = await p.signIn('op-branch2', 'operator', ['branch-2']);
    operator3 = await p.signIn('op-branch3', 'operator', ['branch-3']);
  });
  afterAll(async () => p.close());

  it('fills with a warning, a rejected fix, an instruction and a notice for the liaison; a pending transition for the supervision group', async () => {
    expect(await count(w.operator)).toEqual({ unread: 0, unreadMoreThan: null, position: expect.any(String), stale: false });
    const live = await openEventStream(p.app, '/api/inbox/stream', w.operator);
    try {
      expect(live.status).toBe(200);
      expect(live.contentType).toContain('text/event-stream');
      await eventually(async () => live.events.length, (n) => n > 0);
      expect(live.events[0]).toEqual({ event: 'count', data: { unread: 0, unreadMoreThan: null, position: expect.any(String) } });

      await expectStatus(
        p.http().post('/api/instructions').set(w.leader).send({ instructionId: 'instr-1', targetKind: 'unit', targetId: 'branch-1', text: '请认真开展整改', addressedUnitIds: ['branch-1'] }),
        201,
      );
      const pushed = await eventually(async () => live.events.filter((e) => e.event === 'item'), (items) => items.length > 0);
      expect(pushed[0].data).toMatchObject({ itemId: 'instruction.instr-1.branch-1', kind: 'instruction', read: false, link: { kind: 'instruction', id: 'instr-1' } });
      const counted = await eventually(async () => live.events.filter((e) => e.event === 'count').pop()?.data as { unread: number }, (c) => c.unread === 1);
      expect(counted.unread).toBe(1);
    } finally {
      live.close();
    }

    const problem = problemRegistration('p-1', CAMPAIGN, 'branch-1', { discoveredAt: '2026-03-20' });
    await expectStatus(p.http().post('/api/problems').set(w.operator).send(problem), 201);
    await expectStatus(p.http().post('/api/problems/p-1/plan').set(w.operator).send({ measures: ['建立首问负责制'], timing: 'by_deadline', deadline: '2026-04-30' }), 201);
    await expectStatus(p.http().post('/api/problems/p-1/claim-fixed').set(w.operator).send({ evidence: '已建立制度' }), 201);
    await expectStatus(p.http().post('/api/problems/p-1/reject-fix').set(w.office).send({ reason: '制度未落实到窗口' }), 201);
    now = new Date('2026-04-28T02:00:00Z');
    const run = await expectStatus(p.http().post('/api/problems/warnings/run').set(w.office).send({}), 201);
    expect(run.body.raised).toEqual([expect.objectContaining({ problemId: 'p-1' })]);
    await expectStatus(p.http().post(`/api/campaigns/${CAMPAIGN}/notices`).set(w.office).send({ noticeId: 'n-1', title: '整改进度通报' }), 201);

    await recordStudy(p, operator3, 'branch-3');
    await expectStatus(p.http().post(`/api/campaigns/${CAMPAIGN}/units/branch-3/transition-applications`).set(operator3).send({ phaseKey: 'study' }), 201);

    const mine = await inbox(w.operator);
    expect(kinds(mine.items)).toEqual(['instruction', 'notice', 'rejected', 'warning']);
    expect(mine.unread).toBe(4);
    // Newest first: tokens sort as the log, so their string order descends.
    const tokens = mine.items.map((i) => i.position);
    expect(tokens).toEqual([...tokens].sort().reverse());
    expect(mine.items.find((i) => i.kind === 'rejected')).toMatchObject({ title: expect.stringContaining('服务群众不及时'), link: { kind: 'problem', id: 'p-1' } });
    expect((await count(w.operator)).unread).toBe(4);

    // Another branch's liaison sees the notice only; the supervision group over branch-3 sees the application.
    expect(kinds((await inbox(operator2)).items)).toEqual(['notice']);
    const group = await inbox(w.inspector);
    expect(kinds(group.items)).toEqual(['notice', 'transition']);
    expect(group.items.find((i) => i.kind === 'transition')).toMatchObject({ link: { kind: 'progress', id: 'branch-3' }, resolved: false });
    expect((await count(w.inspector)).unread).toBe(2);
    // The leader of the county sees the red-or-worse warning only if it is one, and the notice.
    expect(kinds((await inbox(w.leader)).items)).toContain('notice');

    await expectStatus(p.http().post(`/api/campaigns/${CAMPAIGN}/units/branch-3/transition-applications/approve`).set(w.inspector).send({ phaseKey: 'study' }), 201);
    const decided = await inbox(w.inspector);
    expect(decided.items.find((i) => i.kind === 'transition')?.resolved).toBe(true);
    expect(decided.unread).toBe(1);
  });

  it('empties when read, one by one or all at once; what comes after stays unread', async () => {
    const before = await inbox(w.operator, '?unread=true');
    const instruction = before.items.find((i) => i.kind === 'instruction') as Item;
    const head = await p.headPosition();
    await expectStatus(p.http().post('/api/inbox/read').set(w.operator).send({ itemIds: [instruction.itemId] }), 201);
    expect((await count(w.operator)).unread).toBe(3);
    // Marking it again writes nothing.
    await expectStatus(p.http().post('/api/inbox/read').set(w.operator).send({ itemIds: [instruction.itemId] }), 201);
    expect(await p.headPosition()).toBe(head + 1);
    const after = await inbox(w.operator);
    expect(after.items.find((i) => i.itemId === instruction.itemId)?.read).toBe(true);
    expect((await inbox(w.operator, '?unread=true')).items.map((i) => i.itemId)).not.toContain(instruction.itemId);

    await expectStatus(p.http().post('/api/inbox/read-all').set(w.operator).send({ position: after.position }), 201);
    expect(await count(w.operator)).toMatchObject({ unread: 0 });
    expect((await inbox(w.operator, '?unread=true')).items).toEqual([]);
    // Another user's marks are their own.
    expect((await count(operator2)).unread).toBe(1);

    await expectStatus(
      p.http().post('/api/instructions').set(w.office).send({ instructionId: 'instr-2', targetKind: 'problem', targetId: 'p-1', text: '限期办结', addressedUnitIds: ['branch-1'] }),
      201,
    );
    expect((await count(w.operator)).unread).toBe(1);
    // The liaison answers; the instruction's author hears of it, and the item no longer waits.
    await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-1/acknowledgement').set(w.operator).send({}), 201);
    await expectStatus(p.http().post('/api/instructions/instr-2/units/branch-1/report').set(w.operator).send({ report: '已办结' }), 201);
    expect((await count(w.operator)).unread).toBe(0);
    const office = await inbox(w.office, '?unread=true');
    expect(office.items.filter((i) => i.kind === 'reply').map((i) => i.title)).toEqual(['芙蓉社区党支部 报告了批示落实情况', '芙蓉社区党支部 已签收批示']);
    expect((await inbox(w.leader)).items.filter((i) => i.kind === 'reply')).toEqual([]);
    await expectStatus(p.http().post('/api/instructions/instr-1/units/branch-1/acknowledgement').set(w.operator).send({}), 201);
    expect((await inbox(w.leader)).items.filter((i) => i.kind === 'reply').map((i) => i.link)).toEqual([{ kind: 'instruction', id: 'instr-1', campaignId: null }]);
  });

  it('pages, and refuses bad input and other people’s inboxes', async () => {
    const page = await inbox(w.office, '?limit=2&skip=1');
    expect(page).toMatchObject({ skip: 1, limit: 2 });
    expect(page.items.length).toBe(2);
    const head = await p.headPosition();
    const bad = await expectStatus(p.http().post('/api/inbox/read').set(w.operator).send({ itemIds: ['../x'] }), 400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'itemIds' });
    await expectStatus(p.http().post('/api/inbox/read').set(w.operator).send({ itemIds: [] }), 400);
    expect((await expectStatus(p.http().post('/api/inbox/read-all').set(w.operator).send({ position: embeddedToken(head + 100) }), 422)).body.code).toBe('position_ahead');
    const foreign = await expectStatus(p.http().post('/api/inbox/read-all').set(w.operator).send({ position: 'C:1/P:1' }), 400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'position', rule: 'positionToken' })]);
    await expectStatus(p.http().get('/api/inbox?limit=0').set(w.operator), 400);
    await expectStatus(p.http().get('/api/inbox/count'), 401);
    expect(await p.headPosition()).toBe(head);
  });
});
