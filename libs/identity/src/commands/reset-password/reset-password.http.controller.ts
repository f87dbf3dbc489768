import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Request, Response } from 'express';
import { UserParams } from '../../user-params';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordRequest } from './reset-password.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class ResetPasswordHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '重置密码 (reset a user\'s password)', description: '重置密码（同时吊销该用户的全部刷新令牌）' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/password')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UserParams,
    @Body() body: ResetPasswordRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ResetPasswordCommand(meta, p.userId, body, req)));
  }
}
