import { streamUseCase } from '@platform/common';
import { demonstrationPointDecider, demonstrationPointStreamId } from '@platform/domain';
import type { DecideDemonstrationRecommendationRequest } from './decide-demonstration-recommendation.http';

export const decideDemonstrationRecommendation = streamUseCase(demonstrationPointDecider)({
  name: 'DecideDemonstrationRecommendation',
  streamId: (i: { unitId: string } & DecideDemonstrationRecommendationRequest) => demonstrationPointStreamId(i.unitId),
  toCommand: (i, _facts, context) => ({ type: 'DecideDemonstrationRecommendation', ...context, unitId: i.unitId, confirmed: i.confirmed, reason: i.reason ?? '' }),
});
