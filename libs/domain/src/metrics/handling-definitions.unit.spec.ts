import { fold } from '../shared/decider';
import { problemDecider } from '../rectification/problem.decider';
import { claimed, HISTORY, planned, registered } from '../rectification/testing/problem-fixtures';
import { HANDLINGS } from '../rectification/problem-vocabulary';
import { classifyHandling, CURRENT_HANDLING_VERSION, HANDLING_DEFINITIONS, HANDLING_VERSIONS, handlingVersionOf, isHandlingVersion } from './handling-definitions';

const cycleOf = (events: Parameters<typeof fold>[1]) => fold(problemDecider, events as never).current;

describe('the five kinds, versioned (seed 004, 三.1)', () => {
  const immediateUnderWay = cycleOf([registered(), planned({ timing: 'immediate', deadline: '2025-09-05' })]);
  const immediateFixed = cycleOf([registered(), planned({ timing: 'immediate', deadline: '2025-09-05' }), claimed()]);

  it('v2, the live rule: 立行立改 under way and a fix awaiting verification are kind (1), not 限期整改', () => {
    expect(CURRENT_HANDLING_VERSION).toBe(2);
    expect(classifyHandling(immediateUnderWay)).toBe('being_rectified');
    expect(classifyHandling(immediateFixed)).toBe('being_rectified');
    expect(classifyHandling(cycleOf(HISTORY.fixed))).toBe('being_rectified');
    expect(classifyHandling(cycleOf(HISTORY.inProgress))).toBe('by_deadline');
    expect(classifyHandling(cycleOf(HISTORY.deferred))).toBe('deferred');
    expect(classifyHandling(cycleOf(HISTORY.joint))).toBe('joint');
    expect(classifyHandling(cycleOf(HISTORY.closed))).toBe('solved');
  });

  it('v1 stays what notices published before were computed with: any deadline but an ongoing one is 限期整改', () => {
    expect(classifyHandling(immediateUnderWay, 1)).toBe('by_deadline');
    expect(classifyHandling(immediateFixed, 1)).toBe('by_deadline');
    expect(classifyHandling(cycleOf(HISTORY.fixed), 1)).toBe('by_deadline');
    expect(classifyHandling(cycleOf(HISTORY.identified), 1)).toBe('being_rectified');
  });

  it('reads a notice without a recorded version as version 1, and knows only its versions', () => {
    expect(handlingVersionOf(undefined)).toBe(1);
    expect(handlingVersionOf(null)).toBe(1);
    expect(handlingVersionOf(2)).toBe(2);
    expect(isHandlingVersion(2)).toBe(true);
    expect(isHandlingVersion(3)).toBe(false);
  });

  it('publishes a table naming every kind for each version, and says what v2 changed', () => {
    for (const v of HANDLING_VERSIONS) {
      expect(new Set(HANDLING_DEFINITIONS[v].table.map((r) => r.kind))).toEqual(new Set(HANDLINGS));
    }
    expect(HANDLING_DEFINITIONS[2].changes).toContain('立行立改');
    expect(HANDLING_DEFINITIONS[1].changes).toBeNull();
  });
});
