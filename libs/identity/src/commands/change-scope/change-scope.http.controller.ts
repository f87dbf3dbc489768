import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { UserParams } from '../../user-params';
import { ChangeScopeCommand } from './change-scope.command';
import { ChangeScopeRequest } from './change-scope.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class ChangeScopeHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 调整工作范围 */
  @ApiOperation({ summary: '调整工作范围 (change a user\'s scope)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/scope')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UserParams,
    @Body() body: ChangeScopeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ChangeScopeCommand(meta, p.userId, body)));
  }
}
