import { streamUseCase } from '@platform/common';
import { demonstrationPointDecider, demonstrationPointStreamId, findingOfPeriod, StandardFinding } from '@platform/domain';
import { AssessmentPorts } from '../../assessment-commands';
import type { AssessDemonstrationPointRequest } from './assess-demonstration-point.http';

type Input = { unitId: string } & AssessDemonstrationPointRequest;

/** A year's assessment of a creating unit or point: against a period applying the creation standards, or the assessors' own finding. */
export const assessDemonstrationPoint = streamUseCase(demonstrationPointDecider)({
  name: 'AssessDemonstrationPoint',
  streamId: (i: Input) => demonstrationPointStreamId(i.unitId),
  facts: async (i, ports: AssessmentPorts): Promise<StandardFinding | null> => (i.periodId ? findingOfPeriod(await ports.period(i.periodId), i.unitId) : null),
  toCommand: (i, finding, context) => ({
    type: 'AssessDemonstrationPoint',
    ...context,
    unitId: i.unitId,
    year: i.year,
    passed: finding ? finding.passed : (i.passed as boolean),
    score: finding ? finding.score : (i.score ?? null),
    periodId: i.periodId ?? null,
    note: i.note ?? '',
    reviewEveryYears: i.reviewEveryYears ?? null,
  }),
});
