import { NotFoundException } from '@nestjs/common';
import { fromLookup, STAFF, token } from '@platform/common';
import { actorKindOf, instructionStreamId, problemStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { backdating } from '../../audit-trail/audit-trail.documents';
import { EVENT_TYPE_NAMES } from '../../audit-trail/event-type-names';
import { LEDGER_CAMPAIGNS, LEDGER_PROBLEMS, LedgerCampaignDoc, LedgerProblemDoc } from '../../rectification-tracker/rectification-ledger.documents';
import { dayOf, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { trackProblem } from '../../rectification-tracker/tracked-problem';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { NOT_FOUND } from '../../shared/view-scope';
import { GetProblemTimelineRequest, ProblemTimelineParams } from './get-problem-timeline.request.dto';
import { GetProblemTimelineAnswer } from './get-problem-timeline.response';
import { LedgerProblemUnits } from '../../shared/view-lookups';
import { InstructionDoc, INSTRUCTIONS, targetKey } from '../../instructions/instructions.documents';
import { viewsQuery } from '../query-routes';

export const GetProblemTimelineHttpController = viewsQuery('GetProblemTimeline', 'api/rectification-tracker/problems/:problemId/timeline', {
  operation: { summary: '一个问题的全过程 (problem timeline)', description: '一个问题的全过程：台账现状（含预警），以及从登记到销号、反弹的每一个事件（两个时间、操作人、补录标记），连同对它的领导批示及其签收、落实情况报告' },
  answer: GetProblemTimelineAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(LedgerProblemUnits, 'problemId'), match: 'any' },
  params: ProblemTimelineParams, query: GetProblemTimelineRequest, inject: { moments: ViewMoments, events: token<EventStore>(EVENT_STORE) },
  handle: atMoment([...TRACKER_PROJECTIONS, 'instructions'], async ({ params: p }, moment, { events: eventStore }) => {
    const ledger = moment.store('rectification-ledger');
    const doc = await ledger.get<LedgerProblemDoc>(LEDGER_PROBLEMS, p.problemId);
    if (!doc) throw new NotFoundException(NOT_FOUND);
    const campaignId = doc.campaignIds[doc.campaignIds.length - 1];
    const campaign = await ledger.get<LedgerCampaignDoc>(LEDGER_CAMPAIGNS, campaignId);
    const own = await eventStore.readStream(problemStreamId(p.problemId), { untilPosition: moment.position });
    // Instructions on the problem live in streams of their own; the timeline tells both in the order they were recorded.
    const instructions = await moment.store('instructions').find<InstructionDoc>(INSTRUCTIONS, { targetKey: targetKey('problem', p.problemId) });
    const theirs = await Promise.all(instructions.map((i) => eventStore.readStream(instructionStreamId(i.instructionId), { untilPosition: moment.position })));
    const events = [...own, ...theirs.flat()].sort((a, b) => a.position - b.position);
    return {
      today: dayOf(moment),
      problem: trackProblem(doc, dayOf(moment), moment.tree, campaign?.warningThresholds),
      events: events.map((e) => ({
        position: moment.positions.token(e.position),
        streamId: e.streamId,
        streamRevision: e.streamRevision,
        type: e.type,
        typeName: EVENT_TYPE_NAMES[e.type] ?? e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        backdated: backdating(e).backdated,
        actor: e.actor,
        actorKind: actorKindOf(e.actor),
        data: e.data,
      })),
    };
  }),
});
