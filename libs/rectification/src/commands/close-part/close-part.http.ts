import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { RectificationCommands } from '../../rectification-facts';
import { closePart } from './close-part';

export class ClosePartRequest {
  /** 完成任务的佐证 */
  @IsText(5000)
  evidence!: string;
}

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class ClosePartHttpController {
  constructor(private readonly commands: RectificationCommands) {}

  @ApiOperation({ summary: '完成联动整改任务 (close a joint-handling part)', description: '完成联动整改任务（附佐证）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/close')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemPartParams, @Body() body: ClosePartRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closePart, { problemId: p.problemId, partId: p.partId, ...body }, meta));
  }
}
