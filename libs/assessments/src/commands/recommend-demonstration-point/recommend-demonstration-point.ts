import { streamUseCase } from '@platform/common';
import { DemonstrationLevel, demonstrationPointDecider, demonstrationPointStreamId, DemonstrationUnitFacts } from '@platform/domain';
import { AssessmentPorts } from '../../assessment-commands';
import type { RecommendDemonstrationPointRequest } from './recommend-demonstration-point.http';

export const recommendDemonstrationPoint = streamUseCase(demonstrationPointDecider)({
  name: 'RecommendDemonstrationPoint',
  streamId: (i: { unitId: string } & RecommendDemonstrationPointRequest) => demonstrationPointStreamId(i.unitId),
  facts: async (i, ports: AssessmentPorts): Promise<DemonstrationUnitFacts> => {
    const unit = (await ports.tree()).get(i.unitId);
    return unit ? { open: !unit.closed, unitType: unit.unitType } : null;
  },
  toCommand: (i, unit, context) => ({
    type: 'RecommendDemonstrationPoint',
    ...context,
    unitId: i.unitId,
    year: i.year,
    level: i.level as DemonstrationLevel,
    reason: i.reason,
    unit,
  }),
});
