import { fromParams, IsOptionalText } from '@platform/common';
import { instructionsEdge } from '../../instruction-commands';
import { InstructionUnitParams } from '../../instruction-params';
import { acknowledgeInstruction } from './acknowledge-instruction';

export class AcknowledgeInstructionRequest {
  /** 签收意见, optional */
  @IsOptionalText(2000)
  note?: string;
}

export const AcknowledgeInstructionHttpController = instructionsEdge(acknowledgeInstruction, 'api/instructions/:instructionId/units/:unitId/acknowledgement', {
  operation: { summary: '签收批示 (acknowledge an instruction)', description: '落实单位签收批示：只有批示指定的单位可以签收，每个单位签收一次' },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: InstructionUnitParams, body: AcknowledgeInstructionRequest,
});
