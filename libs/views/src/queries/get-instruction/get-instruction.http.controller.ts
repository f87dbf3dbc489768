import { NotFoundException } from '@nestjs/common';
import { fromLookup, IsId, STAFF, token } from '@platform/common';
import { instructionStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { EVENT_TYPE_NAMES } from '../../audit-trail/event-type-names';
import { InstructionDoc, INSTRUCTIONS } from '../../instructions/instructions.documents';
import { instructionView } from '../../instructions/instruction-view';
import { InstructionUnits } from '../../shared/view-lookups';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { NOT_FOUND } from '../../shared/view-scope';
import { GetInstructionAnswer } from './get-instruction.response';
import { instructionsQuery } from '../query-routes';

export class InstructionParams {
  @IsId()
  instructionId!: string;
}

export const GetInstructionHttpController = instructionsQuery('GetInstruction', 'api/instructions/:instructionId', {
  operation: { summary: '一条批示及其办理过程 (an instruction)', description: '一条批示：内容、落实单位的签收与落实情况报告，以及它的每一个事件' },
  answer: GetInstructionAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(InstructionUnits, 'instructionId'), match: 'any' },
  params: InstructionParams, inject: { moments: ViewMoments, events: token<EventStore>(EVENT_STORE) },
  handle: atMoment(['instructions'], async ({ params: p }, moment, { events: eventStore }) => {
    const doc = await moment.store('instructions').get<InstructionDoc>(INSTRUCTIONS, p.instructionId);
    if (!doc) throw new NotFoundException(NOT_FOUND);
    const events = await eventStore.readStream(instructionStreamId(p.instructionId), { untilPosition: moment.position });
    return {
      instruction: instructionView(doc, moment.tree, moment.positions),
      events: events.map((e) => ({ position: moment.positions.token(e.position), type: e.type, typeName: EVENT_TYPE_NAMES[e.type] ?? e.type, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actor: e.actor, data: e.data })),
    };
  }),
});
