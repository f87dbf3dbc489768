import { streamUseCase } from '@platform/common';
import { AssessedUnitFacts, AssessmentScheme, assessmentDecider, assessmentStreamId, OrganizationTree } from '@platform/domain';
import { AssessmentPorts } from '../../assessment-commands';
import type { OpenAssessmentPeriodRequest } from './open-assessment-period.http';

/**
 * The units a period assesses: those listed, or — for a scheme applied to a role, e.g. every
 * township's party secretary — every open unit of that level under `root` whose type the scheme assesses.
 */
export function assessedUnitIds(i: OpenAssessmentPeriodRequest, tree: OrganizationTree, scheme: AssessmentScheme | null): string[] {
  if (i.unitIds) return i.unitIds;
  if (!i.root || !tree.has(i.root)) return [];
  const types = scheme?.subject.unitTypes ?? [];
  return tree
    .subtreeIds(i.root)
    .map((id) => tree.get(id)!)
    .filter((u) => !u.closed && (!i.level || u.level === i.level) && (types.length === 0 || types.includes(u.unitType)))
    .map((u) => u.unitId)
    .sort();
}

export const openAssessmentPeriod = streamUseCase(assessmentDecider)({
  name: 'OpenAssessmentPeriod',
  streamId: (i: OpenAssessmentPeriodRequest) => assessmentStreamId(i.periodId),
  facts: async (i, ports: AssessmentPorts) => {
    const tree = await ports.tree();
    const scheme = (await ports.scheme(i.schemeId)).current;
    const unitIds = assessedUnitIds(i, tree, scheme);
    const units: Record<string, AssessedUnitFacts[string]> = {};
    for (const id of unitIds) {
      const u = tree.get(id);
      if (u) units[id] = { open: !u.closed, unitType: u.unitType };
    }
    return { scheme, unitIds, units };
  },
  toCommand: (i, { scheme, unitIds, units }, context) => ({
    type: 'OpenAssessmentPeriod',
    ...context,
    periodId: i.periodId,
    title: i.title,
    from: i.from,
    to: i.to,
    scheme,
    unitIds,
    units,
  }),
});
