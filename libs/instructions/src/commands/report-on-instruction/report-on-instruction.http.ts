import { fromParams, IsText } from '@platform/common';
import { instructionsEdge } from '../../instruction-commands';
import { InstructionUnitParams } from '../../instruction-params';
import { reportOnInstruction } from './report-on-instruction';

export class ReportOnInstructionRequest {
  /** 落实情况: what the unit did about it */
  @IsText(5000)
  report!: string;
}

export const ReportOnInstructionHttpController = instructionsEdge(reportOnInstruction, 'api/instructions/:instructionId/units/:unitId/report', {
  operation: { summary: '报告批示落实情况 (report back on an instruction)', description: '落实单位签收后报告落实情况，可多次报告' },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: InstructionUnitParams, body: ReportOnInstructionRequest,
});
