import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { RecheckProblemRequest } from './recheck-problem.http';

export const recheckProblem = streamUseCase(problemDecider)({
  name: 'RecheckProblem',
  streamId: (i: { problemId: string } & RecheckProblemRequest) => problemStreamId(i.problemId),
  facts: (i, ports: RectificationPorts) => rectificationFacts.campaign(ports, i.lookBackCampaignId),
  toCommand: (i, lookBack, context) => ({ type: 'RecheckProblem', ...context, lookBack, outcome: i.outcome, finding: i.finding }),
});
