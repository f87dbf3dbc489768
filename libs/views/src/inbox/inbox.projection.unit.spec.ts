import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { INBOX_ITEMS, INBOX_READS } from './inbox.documents';
import { inboxProjection } from './inbox.projection';

const unit = (unitId: string, parentId: string | null, name = unitId) => ({ type: 'UnitCreated', data: { unitId, name, level: 'branch', unitType: 'rural', parentId, memberCount: 0 } });
const tree = [unit('city', null), unit('county', 'city'), unit('town', 'county'), unit('b1', 'town', '一支部')];
const registered = { type: 'ProblemRegistered', streamId: 'problem-p1', data: { problemId: 'p1', campaignId: 'c1', responsibleUnitId: 'b1', description: '办事拖拉', source: 'x', category: 'y', discoveredAt: '2026-03-01', people: {}, registeredBy: 'op' } };
const issued = {
  type: 'InstructionIssued',
  streamId: 'instruction-i1',
  data: { instructionId: 'i1', target: { kind: 'problem', id: 'p1', unitIds: ['b1'] }, text: '抓紧整改', addressedUnitIds: ['b1'], deadline: null, issuedBy: 'leader-1' },
};

const items = async (events: object[]) => (await specifyProjection(inboxProjection).given(events as never).documents())[INBOX_ITEMS];

describe('inbox projection', () => {
  it('keys an item by its unit and every unit above it, for the roles it concerns', async () => {
    const [rejected] = await items([...tree, registered, { type: 'FixRejected', streamId: 'problem-p1', data: { problemId: 'p1', reason: '未落实', rejectedBy: 'insp' } }]);
    expect(rejected).toMatchObject({ _id: 'rejected.6', kind: 'rejected', keys: ['any', 'at:b1', 'at:town', 'at:county', 'at:city'], roles: ['operator', 'office'], unitName: '一支部', detail: '未落实', resolved: false });
  });

  it('sends red warnings up to the leaders, earlier levels to the unit and the office only', async () => {
    const warning = (level: string, daysLeft: number) => ({ type: 'DeadlineWarningRaised', streamId: 'problem-p1', data: { problemId: 'p1', partId: null, unitId: 'b1', deadline: '2026-04-30', today: '2026-04-20', daysLeft, level, notify: [] } });
    const [yellow, red] = await items([...tree, registered, warning('yellow', 10), warning('red', -1)]);
    expect(yellow).toMatchObject({ kind: 'warning', level: 'yellow', roles: ['operator', 'office'] });
    expect(red).toMatchObject({ kind: 'warning', level: 'red', roles: ['operator', 'office', 'leader'], title: expect.stringContaining('已超期 1 天') });
  });

  it('resolves a transition application once decided, and an instruction once its unit reported', async () => {
    const progress = (type: string, data: object) => ({ type, streamId: 'progress-c1.b1', data: { campaignId: 'c1', unitId: 'b1', phaseKey: 'study', ...data } });
    const docs = await items([
      ...tree,
      progress('TransitionApplied', { appliedBy: 'op', note: '' }),
      progress('TransitionApproved', { approvedBy: 'insp', comment: '', nextPhaseKey: 'analysis', nextStage: 'analysis' }),
      issued,
      { type: 'InstructionAcknowledged', streamId: 'instruction-i1', data: { instructionId: 'i1', unitId: 'b1', note: '', acknowledgedBy: 'op' } },
      { type: 'InstructionReported', streamId: 'instruction-i1', data: { instructionId: 'i1', unitId: 'b1', report: '已办', reportedBy: 'op' } },
    ]);
    expect(docs.map((d) => [d._id, d.kind, d.resolved, d.keys])).toEqual([
      ['instruction.i1.b1', 'instruction', true, ['any', 'at:b1', 'at:town', 'at:county', 'at:city']],
      ['reply.8', 'reply', false, ['user:leader-1']],
      ['reply.9', 'reply', false, ['user:leader-1']],
      ['transition.5', 'transition', true, ['any', 'at:b1', 'at:town', 'at:county', 'at:city']],
    ]);
  });

  it('gives a notice to its whole subtree and to those above it', async () => {
    const notice = (root: string | null) => ({ type: 'NoticePublished', streamId: 'notice-n1', data: { noticeId: 'n1', campaignId: 'c1', title: '通报', noticeDate: '2026-04-01', root, scope: { all: root === null, roots: [] } } });
    expect((await items([...tree, notice('town')]))[0].keys).toEqual(['any', 'below:town', 'at:town', 'at:county', 'at:city']);
    expect((await items([...tree, notice(null)]))[0].keys).toEqual(['any', 'all']);
  });

  it('keeps read marks per user: single reads after the watermark only', async () => {
    const read = (itemIds: string[]) => ({ type: 'InboxItemsRead', streamId: 'inbox-op', data: { userId: 'op', itemIds } });
    const upTo = (position: number) => ({ type: 'InboxReadUpTo', streamId: 'inbox-op', data: { userId: 'op', position } });
    const reads = async (events: object[]) => (await specifyProjection(inboxProjection).given(events as never).documents())[INBOX_READS];
    // An id that names no item is not kept.
    expect(await reads([...tree, registered, issued, read(['instruction.i1.b1', 'notice.none'])])).toEqual([{ _id: 'op', upTo: 0, read: { 'instruction.i1.b1': 6 } }]);
    // The watermark covers it: the single mark goes; a later one would stay.
    expect(await reads([...tree, registered, issued, read(['instruction.i1.b1']), upTo(6)])).toEqual([{ _id: 'op', upTo: 6, read: {} }]);
    expect(await reads([...tree, registered, issued, read(['instruction.i1.b1']), upTo(5)])).toEqual([{ _id: 'op', upTo: 5, read: { 'instruction.i1.b1': 6 } }]);
  });
});
