import { streamUseCase } from '@platform/common';
import { instructionDecider, instructionStreamId } from '@platform/domain';
import type { AcknowledgeInstructionRequest } from './acknowledge-instruction.http';

export const acknowledgeInstruction = streamUseCase(instructionDecider)({
  name: 'AcknowledgeInstruction',
  streamId: (i: { instructionId: string; unitId: string } & AcknowledgeInstructionRequest) => instructionStreamId(i.instructionId),
  toCommand: (i, _facts, context) => ({ type: 'AcknowledgeInstruction', ...context, instructionId: i.instructionId, unitId: i.unitId, note: i.note ?? '' }),
});
