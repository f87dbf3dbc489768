import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { InstructionCommandController } from '../../instruction-commands';
import { InstructionUnitParams } from '../../instruction-params';
import { reportOnInstruction } from './report-on-instruction';

export class ReportOnInstructionRequest {
  /** 落实情况: what the unit did about it */
  @IsString()
  @Length(1, 5000)
  @NoControlCharacters({ multiline: true })
  report!: string;
}

@CommandRoutes('instructions 领导批示', 'api/instructions/:instructionId/units/:unitId')
export class ReportOnInstructionHttpController extends InstructionCommandController {
  @ApiOperation({ summary: '报告批示落实情况 (report back on an instruction)', description: '落实单位签收后报告落实情况，可多次报告' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('report')
  handle(@Command() meta: CommandMeta, @Param() p: InstructionUnitParams, @Body() body: ReportOnInstructionRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(reportOnInstruction, { ...p, ...body }, meta));
  }
}
