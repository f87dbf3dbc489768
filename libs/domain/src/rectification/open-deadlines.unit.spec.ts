import { DomainRuleError } from '../shared/domain-error';
import { problemDecider } from './problem.decider';
import { ProblemEvent } from './problem.events';
import { openDeadlines } from './problem-state';
import { cmd, HISTORY, NEIGHBOUR, partClosed, planned, registered, UNIT, stateOf } from './testing/problem-fixtures';

const scheduler = { userId: 'scheduler', role: 'office' as const, unitId: null };
const raise = (partId: string | null) =>
  cmd('RaiseWarning', { today: '2025-11-30', thresholds: { greenDays: 20, yellowDays: 10 }, partId }, scheduler, '2025-11-30T01:00:00.000Z');

/** Whether the decider takes a RaiseWarning for this deadline (raising or finding nothing new). */
function accepted(events: readonly ProblemEvent[], partId: string | null): boolean {
  try {
    problemDecider.decide(raise(partId), stateOf(events));
    return true;
  } catch (e) {
    if (e instanceof DomainRuleError) return false;
    throw e;
  }
}

describe('openDeadlines: what a scheduled warning check has to look at', () => {
  it('lists the problem’s own deadline while it is being rectified, with the unit to warn', () => {
    expect(openDeadlines(stateOf(HISTORY.inProgress))).toEqual([{ partId: null, unitId: UNIT, deadline: '2025-10-31', lastWarning: null }]);
  });

  it('lists each open joint part with its own unit, and leaves closed parts out', () => {
    const s = stateOf([...HISTORY.joint, partClosed('part-a')]);
    expect(openDeadlines(s).map((d) => [d.partId, d.unitId, d.deadline])).toEqual([
      [null, UNIT, '2025-10-31'],
      ['part-b', NEIGHBOUR, '2025-11-30'],
    ]);
  });

  it('has nothing for ongoing work without a date, or before there is a plan', () => {
    expect(openDeadlines(stateOf([registered(), planned({ timing: 'ongoing', deadline: null })]))).toEqual([]);
    expect(openDeadlines(stateOf(HISTORY.identified))).toEqual([]);
  });

  it.each(Object.entries(HISTORY))('agrees with the decider on which deadlines take a warning (%s)', (_, events) => {
    const listed = openDeadlines(stateOf(events)).map((d) => d.partId);
    for (const partId of [null, 'part-a', 'part-b']) {
      expect([partId, listed.includes(partId)]).toEqual([partId, accepted(events, partId)]);
    }
  });
});
