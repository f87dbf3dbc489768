import { streamUseCase } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RectificationPorts, rectificationFacts } from '../../rectification-facts';
import type { RegisterProblemRequest } from './register-problem.http';

const person = (p: { name: string; userId?: string }) => ({ name: p.name, userId: p.userId ?? null });

export const registerProblem = streamUseCase(problemDecider)({
  name: 'RegisterProblem',
  streamId: (i: RegisterProblemRequest) => problemStreamId(i.problemId),
  occurredAt: (i) => i.occurredAt,
  facts: (i, ports: RectificationPorts) => rectificationFacts.registration(ports, i.campaignId, i.responsibleUnitId),
  toCommand: (i, { campaign, responsibleUnit }, context) => ({
    type: 'RegisterProblem',
    ...context,
    problemId: i.problemId,
    campaign,
    responsibleUnit,
    source: i.source,
    category: i.category,
    description: i.description,
    people: { responsibleLeader: person(i.responsibleLeader), handler: person(i.handler) },
    discoveredAt: i.discoveredAt,
  }),
});
