import { streamUseCase } from '@platform/common';
import { instructionDecider, instructionStreamId } from '@platform/domain';
import type { ReportOnInstructionRequest } from './report-on-instruction.http';

export const reportOnInstruction = streamUseCase(instructionDecider)({
  name: 'ReportOnInstruction',
  streamId: (i: { instructionId: string; unitId: string } & ReportOnInstructionRequest) => instructionStreamId(i.instructionId),
  toCommand: (i, _facts, context) => ({ type: 'ReportOnInstruction', ...context, instructionId: i.instructionId, unitId: i.unitId, report: i.report }),
});
