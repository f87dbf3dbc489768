import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import type { Response } from 'express';
import { IdentityCommandController } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { UserScopeRequest } from '../../users/user-scope.request.dto';
import { changeScope } from './change-scope';

export class ChangeScopeRequest extends UserScopeRequest {}

@CommandRoutes('users 用户', 'api/users')
export class ChangeScopeHttpController extends IdentityCommandController {
  /** 调整工作范围 */
  @ApiOperation({ summary: '调整工作范围 (change a user\'s scope)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/scope')
  handle(@Command() meta: CommandMeta, @Param() p: UserParams, @Body() body: ChangeScopeRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(changeScope, { userId: p.userId, ...body }, meta));
  }
}
