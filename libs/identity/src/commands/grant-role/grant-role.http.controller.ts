import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, respond } from '@platform/common';
import type { Response } from 'express';
import { UserParams } from '../../user-params';
import { GrantRoleCommand } from './grant-role.command';
import { GrantRoleRequest } from './grant-role.request.dto';

@ApiTags('users 用户')
@Controller('api/users')
export class GrantRoleHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 授予角色 */
  @ApiOperation({ summary: '授予角色 (grant a role)' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/role')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UserParams,
    @Body() body: GrantRoleRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new GrantRoleCommand(meta, p.userId, body)));
  }
}
