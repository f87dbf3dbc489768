import { problemRegistration, townshipCampaign } from './support/fixtures';
import { Headers, startTestPlatform, TestPlatform } from './support/test-platform';

interface Segment { text: string; match: boolean }
interface Hit { kind: string; id: string; title: string; titleHighlight: Segment[]; snippet: Segment[] | null }

const marked = (segments: Segment[] | null) => (segments ?? []).filter((s) => s.match).map((s) => s.text);

describe('full-text search over problems, units and notices (FTS5 trigram), scoped and paged', () => {
  let p: TestPlatform;
  let office: Headers;
  let operatorB1: Headers;
  let operatorB2: Headers;
  let group: Headers;
  let leader: Headers;

  const register = (who: Headers, problemId: string, unit: string, description: string, category = '作风建设') =>
    p.http().post('/api/problems').set(who).send(problemRegistration(problemId, 'c1', unit, { description, category })).expect(201);
  const search = async (who: Headers, query: Record<string, string | number>) => {
    const res = await p.http().get('/api/search').query(query).set(who).expect(200);
    return res.body as { total: number; page: number; pageSize: number; items: Hit[] };
  };

  beforeAll(async () => {
    p = await startTestPlatform();
    office = await townshipCampaign(p);
    operatorB1 = await p.signIn('op-b1', 'operator', ['b1']);
    operatorB2 = await p.signIn('op-b2', 'operator', ['b2']);
    // A supervision group (督导组) over the township, and a leader of the city.
    group = await p.signIn('sg-1', 'inspector', ['t1']);
    leader = await p.signIn('leader-1', 'leader', ['city']);
    await register(office, 'p-window', 'b1', '便民服务窗口推诿扯皮，群众办事来回跑');
    await p.http().post('/api/problems/p-window/plan').set(office).send({ measures: ['建立首问负责制', '公开办事流程'], timing: 'by_deadline', deadline: '2099-06-30' }).expect(201);
    await p.http().post('/api/problems/p-window/progress').set(operatorB1).send({ note: '首问负责制已在服务窗口公示' }).expect(201);
    await register(office, 'p-road', 'b2', '村道年久失修，雨天泥泞', '民生实事');
    await register(office, 'p-fees', 'b2', '党费收缴不及时，服务窗口无人值守');
    for (let i = 1; i <= 23; i++) await register(office, `p-study-${String(i).padStart(2, '0')}`, 'b1', `第${i}次集中学习签到表缺失`);
    await p.http().post('/api/campaigns/c1/notices').set(office).send({ noticeId: 'n-q1', title: '第一季度学习教育进度通报' }).expect(201);
  });
  afterAll(async () => p.close());

  it('finds Chinese words of three or more characters through the index, in description, measures and notes', async () => {
    const measures = await search(office, { q: '首问负责' });
    expect(measures.items.map((h) => h.id)).toEqual(['p-window']);
    // In the measures and again in the note that follows them: every occurrence in the window is marked.
    expect(marked(measures.items[0].snippet)).toEqual(['首问负责', '首问负责']);
    const description = await search(office, { q: '推诿扯皮' });
    expect(description.items.map((h) => [h.kind, h.id])).toEqual([['problem', 'p-window']]);
    const notes = await search(office, { q: '在服务窗口公示' });
    expect(notes.items.map((h) => h.id)).toEqual(['p-window']);
  });

  it('finds one- and two-character words too (read with LIKE), all words of a query together', async () => {
    const village = await search(office, { q: '村', kind: 'unit' });
    expect(village.items.map((h) => h.id).sort()).toEqual(['b1', 'b2']);
    expect(village.items.every((h) => marked(h.titleHighlight).includes('村'))).toBe(true);
    const both = await search(office, { q: '窗口 党费' });
    expect(both.items.map((h) => h.id)).toEqual(['p-fees']);
    expect(marked(both.items[0].snippet).sort()).toEqual(['党费', '窗口']);
  });

  it('finds units by part of their name and notices by their title', async () => {
    expect((await search(office, { q: '河洑镇' })).items.map((h) => [h.kind, h.id])).toEqual([['unit', 't1']]);
    const notices = await search(office, { q: '进度通报', kind: 'notice' });
    expect(notices.items.map((h) => [h.kind, h.id, h.title])).toEqual([['notice', 'n-q1', '第一季度学习教育进度通报']]);
    expect(marked(notices.items[0].titleHighlight)).toEqual(['进度通报']);
  });

  it('shows each user only what their scope covers', async () => {
    const window = (who: Headers) => search(who, { q: '服务窗口', kind: 'problem' }).then((r) => r.items.map((h) => h.id).sort());
    expect(await window(office)).toEqual(['p-fees', 'p-window']);
    expect(await window(operatorB1)).toEqual(['p-window']);
    expect(await window(operatorB2)).toEqual(['p-fees']);
    expect((await search(operatorB2, { q: '一村党支部' })).total).toBe(0);
    expect((await search(operatorB1, { q: '一村党支部' })).items.map((h) => h.id)).toEqual(['b1']);
  });

  it('pages through the matches in scope', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search(operatorB1, { q: '集中学习', pageSize: 10, page })));
    expect(pages.map((pg) => pg.total)).toEqual([23, 23, 23, 23]);
    expect(pages.map((pg) => pg.items.length)).toEqual([10, 10, 3, 0]);
    const ids = pages.flatMap((pg) => pg.items.map((h) => h.id));
    expect(new Set(ids).size).toBe(23);
    expect(ids.every((id) => id.startsWith('p-study-'))).toBe(true);
  });

  it('keeps up with new writes: a progress note just recorded is found', async () => {
    await p.http().post('/api/problems/p-window/progress').set(operatorB1).send({ note: '增设帮办代办专员' }).expect(201);
    expect((await search(operatorB1, { q: '帮办代办' })).items.map((h) => h.id)).toEqual(['p-window']);
  });

  it('finds a problem by the words of its supervision note, for the group and the units it concerns, not for a unit outside', async () => {
    const note = { finding: '排水沟淤塞未清理，群众反映强烈', demand: '雨季前完成清淤并报督导组', dueBy: '2099-04-30' };
    await p.http().post('/api/problems/p-road/supervision-notes').set(group).send(note).expect(201);
    const ids = async (who: Headers, q: string) => (await search(who, { q })).items.map((h) => h.id);
    expect(await ids(group, '排水沟淤塞')).toEqual(['p-road']);
    expect(await ids(operatorB2, '雨季前完成清淤')).toEqual(['p-road']);
    expect(await ids(office, '排水沟淤塞')).toEqual(['p-road']);
    expect(await ids(operatorB1, '排水沟淤塞')).toEqual([]);
    const hit = (await search(group, { q: '报督导组' })).items[0];
    expect(marked(hit.snippet)).toEqual(['报督导组']);
  });

  it("finds what a leader's instruction was written on by its words, within that thing's scope", async () => {
    const instruction = { instructionId: 'i-window', targetKind: 'problem', targetId: 'p-window', text: '要举一反三，全面排查窗口单位作风问题', addressedUnitIds: ['b1'], deadline: null };
    await p.http().post('/api/instructions').set(leader).send(instruction).expect(201);
    const onUnit = { instructionId: 'i-unit', targetKind: 'unit', targetId: 'b2', text: '支部班子要带头落实整改责任', addressedUnitIds: ['b2'], deadline: null };
    await p.http().post('/api/instructions').set(leader).send(onUnit).expect(201);
    expect((await search(operatorB1, { q: '举一反三' })).items.map((h) => [h.kind, h.id])).toEqual([['problem', 'p-window']]);
    expect((await search(operatorB2, { q: '举一反三' })).total).toBe(0);
    expect((await search(operatorB2, { q: '带头落实' })).items.map((h) => [h.kind, h.id])).toEqual([['unit', 'b2']]);
    expect((await search(operatorB1, { q: '带头落实' })).total).toBe(0);
  });

  it('finds a unit by two characters of its name (LIKE over the indexed text, bounded like every search)', async () => {
    const twoChars = await search(office, { q: '一村' });
    expect(twoChars.items.map((h) => [h.kind, h.id])).toEqual([['unit', 'b1']]);
    expect(marked(twoChars.items[0].titleHighlight)).toEqual(['一村']);
    expect(twoChars).toMatchObject({ total: 1, totalMoreThan: null });
    expect((await search(operatorB2, { q: '一村' })).total).toBe(0);
  });

  it('narrows to a unit of the scope with root, and answers 404 for one outside it', async () => {
    expect((await search(office, { q: '服务窗口', root: 'b2' })).items.map((h) => h.id)).toEqual(['p-fees']);
    expect((await search(group, { q: '党支部', kind: 'unit', root: 't1' })).items.map((h) => h.id).sort()).toEqual(['b1', 'b2']);
    const outside = await p.http().get('/api/search').query({ q: '服务窗口', root: 'b2' }).set(operatorB1).expect(404);
    expect(JSON.stringify(outside.body)).not.toContain('p-fees');
    await p.http().get('/api/search').query({ q: '服务窗口', root: 'nowhere' }).set(office).expect(404);
  });

  it('refuses a missing or malformed query with 400 naming the field', async () => {
    const missing = await p.http().get('/api/search').set(office).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('q');
    const kind = await p.http().get('/api/search').query({ q: '整改', kind: 'user' }).set(office).expect(400);
    expect(kind.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    await p.http().get('/api/search').query({ q: '整改', page: 0 }).set(office).expect(400);
    const blank = await p.http().get('/api/search').query({ q: '　 ' }).set(office).expect(400);
    expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
    const root = await p.http().get('/api/search').query({ q: '整改', root: 'a b' }).set(office).expect(400);
    expect(root.body.errors.map((e: { field: string }) => e.field)).toEqual(['root']);
    await p.http().get('/api/search').query({ q: '整改' }).expect(401);
  });
});
