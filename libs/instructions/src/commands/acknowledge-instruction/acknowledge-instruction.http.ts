import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { InstructionCommandController } from '../../instruction-commands';
import { InstructionUnitParams } from '../../instruction-params';
import { acknowledgeInstruction } from './acknowledge-instruction';

export class AcknowledgeInstructionRequest {
  /** 签收意见, optional */
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @NoControlCharacters({ multiline: true })
  note?: string;
}

@CommandRoutes('instructions 领导批示', 'api/instructions/:instructionId/units/:unitId')
export class AcknowledgeInstructionHttpController extends InstructionCommandController {
  @ApiOperation({ summary: '签收批示 (acknowledge an instruction)', description: '落实单位签收批示：只有批示指定的单位可以签收，每个单位签收一次' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('acknowledgement')
  handle(@Command() meta: CommandMeta, @Param() p: InstructionUnitParams, @Body() body: AcknowledgeInstructionRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(acknowledgeInstruction, { ...p, ...body }, meta));
  }
}
