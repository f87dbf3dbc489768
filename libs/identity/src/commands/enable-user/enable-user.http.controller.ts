import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { UserParams } from '../../user-params';
import { EnableUserCommand } from './enable-user.command';
import { EnableUserRequest } from './enable-user.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class EnableUserHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 启用账号 */
  @ApiOperation({ summary: '启用账号 (enable a user)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/enable')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UserParams,
    @Body() body: EnableUserRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new EnableUserCommand(meta, p.userId, body)));
  }
}
