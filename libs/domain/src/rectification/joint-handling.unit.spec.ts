import { Actor } from '../shared/actor';
import { specify } from '../testing/decider-specification';
import { CoordinatorFacts, JointPartRequest } from './problem.commands';
import { fold } from '../shared/decider';
import { problemDecider, problemRecordFolding } from './problem.decider';
import { claimed, cmd, ev, HISTORY, inspector, jointStarted, NEIGHBOUR, office, operator, partClosed, progressed, TOWNSHIP, UNIT, standingOf } from './testing/problem-fixtures';

const spec = specify(problemDecider);
const coordinator: CoordinatorFacts = { unitId: TOWNSHIP, exists: true, closed: false, isAncestorOfResponsibleUnit: true };
const part = (partId: string, unitId: string, over: Partial<JointPartRequest> = {}): JointPartRequest => ({
  partId,
  unit: { unitId, exists: true, closed: false },
  description: ` 任务 ${partId} `,
  deadline: '2025-11-30',
  ...over,
});
const escalate = (over: { coordinator?: CoordinatorFacts; reason?: string; parts?: JointPartRequest[] } = {}, actor: Actor = office) =>
  cmd(
    'EscalateToJoint',
    { coordinator, reason: '涉及多个部门', parts: [part('part-a', UNIT), part('part-b', NEIGHBOUR)], ...over },
    actor,
  );
const township = operator(TOWNSHIP, 'op-t');
const partProgress = (partId = 'part-b', actor: Actor = operator(NEIGHBOUR, 'op-2'), note = '已排查') =>
  cmd('RecordPartProgress', { partId, note, attachmentRefs: [] }, actor);
const closePart = (partId = 'part-b', actor: Actor = operator(NEIGHBOUR, 'op-2'), evidence = '已完成') =>
  cmd('ClosePart', { partId, evidence }, actor);
const allPartsClosed = [...HISTORY.joint, partClosed('part-a'), partClosed('part-b')];

describe('EscalateToJoint (联动整改)', () => {
  it('puts a higher coordinator over participating units, each with its own part and deadline', () => {
    spec.given(HISTORY.inProgress).when(escalate()).then([jointStarted()]);
    const s = spec.given(HISTORY.joint).state;
    expect([s.status, s.handling]).toEqual(['joint', 'joint']);
    expect(s.current.joint?.parts.map((p) => [p.partId, p.unitId, p.closed])).toEqual([
      ['part-a', UNIT, false],
      ['part-b', NEIGHBOUR, false],
    ]);
  });

  it('lets the coordinator unit itself escalate', () => {
    spec.given(HISTORY.planned).when(escalate({}, township)).then([{ ...jointStarted(), data: { ...jointStarted().data, escalatedBy: 'op-t' } }]);
  });

  spec.refusesEach([
    ['not_planned', HISTORY.identified, escalate()],
    ['problem_deferred', HISTORY.deferred, escalate()],
    ['problem_joint', HISTORY.joint, escalate()],
    ['awaiting_verification', HISTORY.fixed, escalate()],
    ['role_not_allowed', HISTORY.inProgress, escalate({}, inspector)],
    ['not_coordinator_unit', HISTORY.inProgress, escalate({}, operator())],
    ['coordinator_not_found', HISTORY.inProgress, escalate({ coordinator: { ...coordinator, exists: false } })],
    ['coordinator_closed', HISTORY.inProgress, escalate({ coordinator: { ...coordinator, closed: true } })],
    ['coordinator_not_higher', HISTORY.inProgress, escalate({ coordinator: { ...coordinator, isAncestorOfResponsibleUnit: false } })],
    ['reason_required', HISTORY.inProgress, escalate({ reason: ' ' })],
    ['parts_required', HISTORY.inProgress, escalate({ parts: [] })],
    ['part_id_invalid', HISTORY.inProgress, escalate({ parts: [part('a/b', UNIT)] })],
    ['part_id_duplicate', HISTORY.inProgress, escalate({ parts: [part('a', UNIT), part('a', NEIGHBOUR)] })],
    ['unit_not_found', HISTORY.inProgress, escalate({ parts: [part('a', 'ghost', { unit: { unitId: 'ghost', exists: false, closed: false } })] })],
    ['unit_closed', HISTORY.inProgress, escalate({ parts: [part('a', 'old', { unit: { unitId: 'old', exists: true, closed: true } })] })],
    ['part_description_required', HISTORY.inProgress, escalate({ parts: [part('a', UNIT, { description: ' ' })] })],
    ['deadline_in_past', HISTORY.inProgress, escalate({ parts: [part('a', UNIT, { deadline: '2025-08-01' })] })],
  ]);
});

describe('joint parts', () => {
  it('records progress on a part by its own unit or by the coordinator', () => {
    spec
      .given(HISTORY.joint)
      .when(partProgress())
      .then([ev('PartProgressRecorded', { partId: 'part-b', note: '已排查', attachmentRefs: [], recordedBy: 'op-2' })]);
    spec
      .given(HISTORY.joint)
      .when(partProgress('part-a', township))
      .then([ev('PartProgressRecorded', { partId: 'part-a', note: '已排查', attachmentRefs: [], recordedBy: 'op-t' })]);
  });

  it('changes a part’s deadline with the previous one and the reason', () => {
    const changed = ev('PartDeadlineChanged', { partId: 'part-b', previousDeadline: '2025-11-30', deadline: '2025-12-31', reason: '跨部门协调', changedBy: 'office-1' });
    spec.given(HISTORY.joint).when(cmd('ChangePartDeadline', { partId: 'part-b', deadline: '2025-12-31', reason: '跨部门协调' }, office)).then([changed]);
    const p = spec.given([...HISTORY.joint, changed]).state.current.joint?.parts[1];
    expect([p?.deadline, p?.deadlineChanges.length]).toEqual(['2025-12-31', 1]);
  });

  it('closes each part on its own', () => {
    spec.given(HISTORY.joint).when(closePart()).then([ev('PartClosed', { partId: 'part-b', evidence: '已完成', closedBy: 'op-2' })]);
    const s = spec.given([...HISTORY.joint, partClosed('part-b')]).state;
    expect(s.current.joint?.parts.map((p) => p.closed)).toEqual([false, true]);
    expect(s.status).toBe('joint');
  });

  spec.refusesEach([
    ['not_joint', HISTORY.inProgress, partProgress()],
    ['part_not_found', HISTORY.joint, partProgress('part-z')],
    ['part_closed', [...HISTORY.joint, partClosed('part-b')], partProgress()],
    ['not_part_unit', HISTORY.joint, partProgress('part-b', operator(UNIT))],
    ['role_not_allowed', HISTORY.joint, partProgress('part-b', inspector)],
    ['note_required', HISTORY.joint, partProgress('part-b', operator(NEIGHBOUR), ' ')],
    ['awaiting_verification', [...allPartsClosed, claimed('op-t')], partProgress()],
    ['evidence_required', HISTORY.joint, closePart('part-b', operator(NEIGHBOUR), ' ')],
    ['part_closed', [...HISTORY.joint, partClosed('part-b')], closePart()],
    ['reason_required', HISTORY.joint, cmd('ChangePartDeadline', { partId: 'part-b', deadline: '2025-12-31', reason: '' }, office)],
    ['deadline_unchanged', HISTORY.joint, cmd('ChangePartDeadline', { partId: 'part-b', deadline: '2025-11-30', reason: 'x' }, office)],
    ['deadline_in_past', HISTORY.joint, cmd('ChangePartDeadline', { partId: 'part-b', deadline: '2025-08-01', reason: 'x' }, office)],
  ]);
});

describe('a jointly handled problem is fixed only when every part is', () => {
  const claim = (actor: Actor = township) => cmd('ClaimFixed', { evidence: '各项任务均已完成', attachmentRefs: [] }, actor);

  it('refuses the claim while a part is open, naming the open parts', () => {
    spec.given([...HISTORY.joint, partClosed('part-a')]).when(claim()).thenRefused('joint_parts_open');
  });

  it('closing the last part records only that; the claim is a separate act with evidence', () => {
    spec
      .given([...HISTORY.joint, partClosed('part-a')])
      .when(closePart())
      .then([ev('PartClosed', { partId: 'part-b', evidence: '已完成', closedBy: 'op-2' })]);
  });

  it('lets the coordinator, or the responsible unit, claim once all parts are closed', () => {
    spec
      .given(allPartsClosed)
      .when(claim())
      .then([ev('FixClaimed', { evidence: '各项任务均已完成', attachmentRefs: [], claimedBy: 'op-t' })]);
    expect(spec.given(allPartsClosed).when(claim(operator())).events()).toHaveLength(1);
  });

  it('lets the coordinator record progress for the whole problem', () => {
    spec.given(HISTORY.joint).when(cmd('RecordProgress', { note: '召开联席会', attachmentRefs: [] }, township)).then([
      ev('ProgressRecorded', { note: '召开联席会', attachmentRefs: [], recordedBy: 'op-t' }),
    ]);
  });

  it('refuses verification by any unit taking part, the coordinator included', () => {
    const coordinatorOffice: Actor = { userId: 'x', role: 'office', unitId: TOWNSHIP };
    const participant: Actor = { userId: 'y', role: 'inspector', unitId: NEIGHBOUR };
    const given = [...allPartsClosed, claimed('op-t')];
    spec.given(given).when(cmd('AcceptFix', { comment: '' }, coordinatorOffice)).thenRefused('own_unit_verification');
    spec.given(given).when(cmd('AcceptFix', { comment: '' }, participant)).thenRefused('own_unit_verification');
  });

  it('returns a rejected joint claim to joint handling', () => {
    const rejected = ev('FixRejected', { reason: '仍有积水', rejectedBy: 'insp-1' });
    expect(standingOf([...allPartsClosed, claimed('op-t'), rejected])).toEqual(['joint', 'joint']);
    spec.given([...allPartsClosed, claimed('op-t')]).when(cmd('RejectFix', { reason: '仍有积水' }, inspector)).then([rejected]);
  });

  it('keeps joint progress readable next to the problem’s own notes in its record', () => {
    const s = fold(problemRecordFolding, [...HISTORY.joint, progressed('联席会')]);
    expect(s.current.progress.map((p) => p.note)).toEqual(['已召开专题会', '联席会']);
  });
});
