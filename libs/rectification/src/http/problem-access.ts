import { Injectable } from '@nestjs/common';
import { fromLookup, UnitLocator, UnitLookup } from '@platform/common';
import { Role } from '@platform/domain';
import { ProblemStates, unitsOfProblem } from '../problem-states';

/** The responsible unit's side (its operator, a coordinator's operator) and the office. */
export const UNIT_SIDE: readonly Role[] = ['office', 'operator'];
/** 验收 and 销号 come from outside the unit: inspection teams and the office. */
export const VERIFIERS: readonly Role[] = ['office', 'inspector'];
/** Who organizes a satisfaction evaluation; the result itself is computed. */
export const ORGANIZERS: readonly Role[] = ['office', 'inspector', 'operator'];

/**
 * Every unit working on the problem (responsible, coordinator, parts). Used with match 'any':
 * the guard keeps out whoever has no part in it, and the decider then names the one unit that
 * may act (a part's unit, the coordinator, the responsible unit).
 */
@Injectable()
export class ProblemUnits implements UnitLookup {
  constructor(private readonly problems: ProblemStates) {}

  async units(problemId: string): Promise<string[] | null> {
    const s = await this.problems.get(problemId);
    return s ? unitsOfProblem(s) : null;
  }
}

/** Verifiers must cover the responsible unit itself, not merely one of the helpers. */
@Injectable()
export class ProblemResponsibleUnit implements UnitLookup {
  constructor(private readonly problems: ProblemStates) {}

  async units(problemId: string): Promise<string[] | null> {
    const s = await this.problems.get(problemId);
    return s ? [s.responsibleUnitId] : null;
  }
}

export const problemUnits: UnitLocator = fromLookup(ProblemUnits, 'problemId');
export const responsibleUnit: UnitLocator = fromLookup(ProblemResponsibleUnit, 'problemId');
