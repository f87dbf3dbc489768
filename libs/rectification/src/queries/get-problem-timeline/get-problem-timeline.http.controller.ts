import { NotFoundException } from '@nestjs/common';
import { STAFF, token } from '@platform/common';
import { ProblemEvent, problemStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { GetProblemCyclesAnswer } from './get-problem-timeline.response';
import { rectificationQuery } from '../query-routes';

export const GetProblemTimelineHttpController = rectificationQuery('GetProblemTimeline', 'api/problems/:problemId/timeline', {
  operation: { operationId: 'getProblemCycles', summary: '问题的完整历史 (problem history by rectification cycle)', description: '问题的完整历史：每一轮整改的每个事件（发生时间与记录时间、操作人），“回头看”反弹后重新整改的也在其中。 Each event carries the cycle it belongs to; a rebound opens the next one.' },
  answer: GetProblemCyclesAnswer,
  access: { roles: STAFF, mode: 'read', units: problemUnits, match: 'any' },
  params: ProblemParams, inject: { store: token<EventStore>(EVENT_STORE) },
  async handle({ params: p, res }, { store }) {
    const events = await store.readStream(problemStreamId(p.problemId));
    if (events.length === 0) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `问题 ${p.problemId} 不存在 (problem not found)` });
    const revision = events[events.length - 1].streamRevision;
    res.header('ETag', `"${revision}"`);
    let cycle = 1;
    const entries = events.map((e) => {
      const event = e as unknown as ProblemEvent;
      if (event.type === 'ProblemRebounded') cycle = event.data.cycle;
      return {
        cycle,
        revision: e.streamRevision,
        position: store.positions.token(e.position),
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.actor,
        correlationId: e.correlationId,
        data: e.data,
      };
    });
    return { problemId: p.problemId, revision, cycles: cycle, events: entries };
  },
});
