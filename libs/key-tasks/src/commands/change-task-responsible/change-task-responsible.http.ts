import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsText, MANAGERS, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { KeyTaskCommandController } from '../../key-task-commands';
import { KeyTaskUnitParams } from '../../http/key-task-params';
import { changeTaskResponsible } from './change-task-responsible';

export class ChangeTaskResponsibleRequest {
  /** 新的责任人 */
  @IsString()
  @Length(1, 50)
  @NoControlCharacters()
  responsible!: string;

  /** 调整原因 */
  @IsText(2000)
  reason!: string;
}

@CommandRoutes('key tasks 重点任务', 'api/key-tasks/:taskId/parts/:unitId')
export class ChangeTaskResponsibleHttpController extends KeyTaskCommandController {
  @ApiOperation({ summary: '调整任务责任人 (change who answers for a unit\'s part)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post('responsible')
  handle(@Command() meta: CommandMeta, @Param() p: KeyTaskUnitParams, @Body() body: ChangeTaskResponsibleRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(changeTaskResponsible, { taskId: p.taskId, unitId: p.unitId, ...body }, meta));
  }
}
