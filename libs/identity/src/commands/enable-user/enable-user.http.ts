import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { IdentityCommandController } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { enableUser } from './enable-user';

/** Enabling needs no fields; unknown ones are still refused. */
export class EnableUserRequest {}

@CommandRoutes('users 用户', 'api/users')
export class EnableUserHttpController extends IdentityCommandController {
  /** 启用账号 */
  @ApiOperation({ summary: '启用账号 (enable a user)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/enable')
  handle(@Command() meta: CommandMeta, @Param() p: UserParams, @Body() body: EnableUserRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(enableUser, { userId: p.userId, ...body }, meta));
  }
}
