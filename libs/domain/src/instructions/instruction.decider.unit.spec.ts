import { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { specify } from '../testing/decider-specification';
import { specCommands } from '../testing/spec-commands';
import { InstructionCommand, instructionDecider, MAX_ADDRESSED_UNITS } from './instruction.decider';
import { InstructionEvent, InstructionTarget } from './instruction.events';

const spec = specify(instructionDecider);
const leader: Actor = { userId: 'leader-1', role: 'leader', unitId: 'county' };
const office: Actor = { userId: 'office-1', role: 'office', unitId: 'county' };
const liaison: Actor = { userId: 'op-1', role: 'operator', unitId: 'branch-1' };
const inspector: Actor = { userId: 'insp-1', role: 'inspector', unitId: 'group-1' };
const instructionId = 'i-1';
const target: InstructionTarget = { kind: 'problem', id: 'p-1', unitIds: ['branch-1'] };
const at = '2026-03-01T08:00:00.000Z';

const command = specCommands<InstructionCommand>(at, leader, { instructionId });
const issue = (over: Record<string, unknown> = {}, actor: Actor = leader) =>
  command(
    {
      type: 'IssueInstruction',
      target,
      targetRef: { kind: 'problem', id: 'p-1' },
      text: '请抓紧整改，月底前报告结果',
      addressedUnitIds: ['branch-1', 'town-1'],
      addressedUnits: { 'branch-1': { open: true }, 'town-1': { open: true } },
      deadline: '2026-03-31',
      ...over,
    },
    actor,
  );
const acknowledge = (unitId = 'branch-1', actor: Actor = liaison, note = '已收到，立即落实') => command({ type: 'AcknowledgeInstruction', unitId, note }, actor);
const report = (unitId = 'branch-1', actor: Actor = liaison, text = '已完成整改并公示') => command({ type: 'ReportOnInstruction', unitId, report: text }, actor);

const issued: InstructionEvent = {
  type: 'InstructionIssued',
  data: { instructionId, target, text: '请抓紧整改，月底前报告结果', addressedUnitIds: ['branch-1', 'town-1'], deadline: '2026-03-31', issuedBy: 'leader-1' },
};
const acknowledged: InstructionEvent = { type: 'InstructionAcknowledged', data: { instructionId, unitId: 'branch-1', note: '已收到，立即落实', acknowledgedBy: 'op-1' } };
const reported: InstructionEvent = { type: 'InstructionReported', data: { instructionId, unitId: 'branch-1', report: '已完成整改并公示', reportedBy: 'op-1' } };

describe('leaders’ instructions (批示): issued, acknowledged, reported back', () => {
  it('a leader instructs; the addressed unit signs for it and reports back, more than once if need be', () => {
    spec.given([]).when(issue()).then([issued]);
    spec.given([issued]).when(acknowledge()).then([acknowledged]);
    spec.given([issued, acknowledged]).when(report()).then([reported]);
    spec.given([issued, acknowledged, reported]).when(report()).then([reported]);
    const state = fold(instructionDecider, [issued, acknowledged, reported, reported]);
    expect(state.units).toEqual({ 'branch-1': { status: 'reported', reports: 2 }, 'town-1': { status: 'pending', reports: 0 } });
  });

  it('the office may instruct too, with no deadline, and acknowledges for a unit in its scope', () => {
    const events = spec.given([]).when(issue({ deadline: null }, office)).events();
    expect(events[0]).toMatchObject({ type: 'InstructionIssued', data: { deadline: null, issuedBy: 'office-1' } });
    spec.given([issued]).when(acknowledge('town-1', office, '')).then([{ type: 'InstructionAcknowledged', data: { instructionId, unitId: 'town-1', note: '', acknowledgedBy: 'office-1' } }]);
  });

  it.each([
    ['role_not_allowed', [], issue({}, liaison)],
    ['role_not_allowed', [], issue({}, inspector)],
    ['instruction_exists', [issued], issue()],
    ['target_not_found', [], issue({ target: null })],
    ['text_required', [], issue({ text: '  ' })],
    ['text_too_long', [], issue({ text: '批'.repeat(2001) })],
    ['addressees_required', [], issue({ addressedUnitIds: [] })],
    ['addressees_too_many', [], issue({ addressedUnitIds: Array.from({ length: MAX_ADDRESSED_UNITS + 1 }, (_, i) => `u-${i}`) })],
    ['addressees_duplicate', [], issue({ addressedUnitIds: ['branch-1', 'branch-1'] })],
    ['unit_not_found', [], issue({ addressedUnitIds: ['nowhere'] })],
    ['unit_closed', [], issue({ addressedUnitIds: ['town-1'], addressedUnits: { 'town-1': { open: false } } })],
    ['deadline_invalid', [], issue({ deadline: '31/03/2026' })],
    ['deadline_past', [], issue({ deadline: '2026-02-28' })],
    ['instruction_not_found', [], acknowledge()],
    ['role_not_allowed', [issued], acknowledge('branch-1', leader)],
    ['role_not_allowed', [issued], acknowledge('branch-1', inspector)],
    ['unit_not_addressed', [issued], acknowledge('branch-2')],
    ['already_acknowledged', [issued, acknowledged], acknowledge()],
    ['note_too_long', [issued], acknowledge('branch-1', liaison, '注'.repeat(2001))],
    ['instruction_not_found', [], report()],
    ['unit_not_addressed', [issued], report('branch-2')],
    ['role_not_allowed', [issued, acknowledged], report('branch-1', leader)],
    ['not_acknowledged', [issued], report()],
    ['report_required', [issued, acknowledged], report('branch-1', liaison, '')],
  ] as const)('refuses %s', (code, given, when) => spec.given(given as unknown as InstructionEvent[]).when(when).thenRefused(code));
});
