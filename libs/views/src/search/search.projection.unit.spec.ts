import { specifyProjection } from '@platform/read-models/testing/projection-specification';
import { SEARCH_ENTRIES } from './search.documents';
import { searchProjection } from './search.projection';
import { shortRuns } from './search-terms';

const problem = (type: string, data: object) => ({ type, streamId: 'problem-p1', data: { problemId: 'p1', ...data } });
const NO_TEXT = { description: '', measures: [], notes: [], supervision: [], instructions: [] };
/** The problem's entry; `text`, the body's parts joined, only to make its runs from. */
const problemEntry = ({ text, ...fields }: { text: string } & Record<string, unknown>) => ({ _id: 'problem:p1', kind: 'problem', refId: 'p1', campaignId: 'c1', title: '作风建设', ...NO_TEXT, ...fields, runs: shortRuns('作风建设', text) });
const org = (type: string, data: object) => ({ type, streamId: `org-${(data as { unitId: string }).unitId}`, data });

describe('search projection', () => {
  it('keeps what a problem says — category, description, measures, notes — and every unit working on it', async () => {
    await specifyProjection(searchProjection)
      .given([
        problem('ProblemRegistered', { campaignId: 'c1', source: 'democratic_appraisal', category: '作风建设', description: '窗口推诿', responsibleUnitId: 'b1', discoveredAt: '2026-02-20', people: {}, registeredBy: 'o' }),
        problem('RectificationPlanned', { measures: ['旧措施'], timing: 'by_deadline', deadline: '2026-06-30', plannedBy: 'o' }),
        problem('RectificationPlanned', { measures: ['首问负责制'], timing: 'by_deadline', deadline: '2026-06-30', plannedBy: 'o' }),
        problem('ProgressRecorded', { note: '已公示', attachmentRefs: [], recordedBy: 'o' }),
        problem('JointHandlingStarted', { coordinatorUnitId: 't1', reason: 'r', parts: [{ partId: 'a', unitId: 'b2', description: 'd', deadline: '2026-06-30' }], escalatedBy: 'o' }),
        problem('PartProgressRecorded', { partId: 'a', note: '已排查', attachmentRefs: [], recordedBy: 'o' }),
      ])
      .then({
        [SEARCH_ENTRIES]: [
          problemEntry({ unitIds: ['b1', 't1', 'b2'], description: '窗口推诿', measures: ['首问负责制'], notes: ['已公示', '已排查'], text: '窗口推诿\n首问负责制\n已公示\n已排查' }),
        ],
      });
  });

  it('finds a unit by its current name until it is closed, and a notice by its title', async () => {
    const notice = { noticeId: 'n1', campaignId: 'c1', title: '第一季度通报', unitIds: ['b1', 'b2'] };
    await specifyProjection(searchProjection)
      .given([
        org('UnitCreated', { unitId: 'b1', name: '一村', level: 'branch', unitType: 'rural', parentId: null, memberCount: 1 }),
        org('UnitRenamed', { unitId: 'b1', name: '一村党支部', previousName: '一村' }),
        org('UnitCreated', { unitId: 'b2', name: '二村', level: 'branch', unitType: 'rural', parentId: null, memberCount: 1 }),
        org('UnitClosed', { unitId: 'b2', reason: '合并' }),
        { type: 'NoticePublished', streamId: 'notice-n1', data: notice },
      ])
      .then({
        [SEARCH_ENTRIES]: [
          { _id: 'notice:n1', kind: 'notice', refId: 'n1', campaignId: 'c1', unitIds: ['b1', 'b2'], title: '第一季度通报', ...NO_TEXT, runs: shortRuns('第一季度通报') },
          { _id: 'unit:b1', kind: 'unit', refId: 'b1', campaignId: null, unitIds: ['b1'], title: '一村党支部', ...NO_TEXT, runs: '一 一村 村 村党 党 党支 支 支部 部' },
        ],
      });
  });

  it("keeps supervision notes and leaders' instructions with what they were written on, found by its scope", async () => {
    const instruction = (instructionId: string, kind: string, id: string, text: string) => ({
      type: 'InstructionIssued',
      streamId: `instruction-${instructionId}`,
      data: { instructionId, target: { kind, id, unitIds: ['b1'] }, text, addressedUnitIds: ['b9'], deadline: null, issuedBy: 'leader' },
    });
    await specifyProjection(searchProjection)
      .given([
        problem('ProblemRegistered', { campaignId: 'c1', source: 'democratic_appraisal', category: '作风建设', description: '窗口推诿', responsibleUnitId: 'b1', discoveredAt: '2026-02-20', people: {}, registeredBy: 'o' }),
        problem('SupervisionNoted', { finding: '窗口仍无人值守', demand: '三日内排班到人', dueBy: '2026-03-10', notedBy: 'sup', supervisorUnitId: 's1', at: '2026-03-01' }),
        instruction('i1', 'problem', 'p1', '要举一反三，全面排查'),
        org('UnitCreated', { unitId: 'b1', name: '一村党支部', level: 'branch', unitType: 'rural', parentId: null, memberCount: 1 }),
        instruction('i2', 'unit', 'b1', '支部班子要带头'),
        instruction('i3', 'unit', 'gone', '无此组织'),
      ])
      .then({
        [SEARCH_ENTRIES]: [
          problemEntry({
            unitIds: ['b1'],
            description: '窗口推诿',
            supervision: ['窗口仍无人值守\n三日内排班到人'],
            instructions: ['要举一反三，全面排查'],
            text: '窗口推诿\n窗口仍无人值守\n三日内排班到人\n要举一反三，全面排查',
          }),
          { _id: 'unit:b1', kind: 'unit', refId: 'b1', campaignId: null, unitIds: ['b1'], title: '一村党支部', ...NO_TEXT, instructions: ['支部班子要带头'], runs: shortRuns('一村党支部', '支部班子要带头') },
        ],
      });
  });

  it('keeps the runs of every part, whether a piece ends the body or lands before a later part', async () => {
    const note = (text: string) => problem('ProgressRecorded', { note: text, attachmentRefs: [], recordedBy: 'o' });
    const docs = await specifyProjection(searchProjection)
      .given([
        problem('ProblemRegistered', { campaignId: 'c1', source: 'democratic_appraisal', category: '作风建设', description: '', responsibleUnitId: 'b1', discoveredAt: '2026-02-20', people: {}, registeredBy: 'o' }),
        note('已公示 Notice 1'),
        note(''),
        note('已公示，再排查'),
        problem('SupervisionNoted', { finding: '仍无人值守', demand: '排班', dueBy: '2026-03-10', notedBy: 'sup', supervisorUnitId: 's1', at: '2026-03-01' }),
        note('已排班 B2'),
        { type: 'InstructionIssued', streamId: 'instruction-i1', data: { instructionId: 'i1', target: { kind: 'problem', id: 'p1', unitIds: ['b1'] }, text: '举一反三', addressedUnitIds: ['b9'], deadline: null, issuedBy: 'leader' } },
        problem('PartProgressRecorded', { partId: 'a', note: '分部已改', attachmentRefs: [], recordedBy: 'o' }),
      ])
      .documents();
    // The runs are a set: a note after a supervision note adds its runs behind the supervision note's.
    const asSet = (d: Record<string, unknown>) => ({ ...d, runs: String(d.runs).split(' ').sort() });
    expect(docs[SEARCH_ENTRIES].map(asSet)).toEqual(
      [
        problemEntry({
          unitIds: ['b1'],
          notes: ['已公示 Notice 1', '', '已公示，再排查', '已排班 B2', '分部已改'],
          supervision: ['仍无人值守\n排班'],
          instructions: ['举一反三'],
          text: '已公示 Notice 1\n已公示，再排查\n已排班 B2\n分部已改\n仍无人值守\n排班\n举一反三',
        }),
      ].map(asSet),
    );
  });
});
