import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import { Role } from '@platform/domain';
import type { Response } from 'express';
import { IdentityCommandController } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { GRANTABLE_ROLES } from '../register-user/register-user.http';
import { grantRole } from './grant-role';

export class GrantRoleRequest {
  @IsIn(GRANTABLE_ROLES)
  role!: Role;
}

@CommandRoutes('users 用户', 'api/users')
export class GrantRoleHttpController extends IdentityCommandController {
  /** 授予角色 */
  @ApiOperation({ summary: '授予角色 (grant a role)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/role')
  handle(@Command() meta: CommandMeta, @Param() p: UserParams, @Body() body: GrantRoleRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(grantRole, { userId: p.userId, ...body }, meta));
  }
}
