import { fromLookup, UnitLocator } from '@platform/common';
import { Role } from '@platform/domain';

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
export const problemUnits: UnitLocator = fromLookup('problem', 'problemId');
/** Verifiers must cover the responsible unit itself, not merely one of the helpers. */
export const responsibleUnit: UnitLocator = fromLookup('problem-responsible', 'problemId');
