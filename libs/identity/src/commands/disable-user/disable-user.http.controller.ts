import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Request, Response } from 'express';
import { UserParams } from '../../user-params';
import { DisableUserCommand } from './disable-user.command';
import { DisableUserRequest } from './disable-user.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class DisableUserHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '停用账号 (disable a user)', description: '停用账号（同时吊销其全部令牌）' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/disable')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UserParams,
    @Body() body: DisableUserRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new DisableUserCommand(meta, p.userId, body, req)));
  }
}
