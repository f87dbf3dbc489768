import { Body, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandAnswerBody, CommandRoutes, IsText, respond } from '@platform/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityCommandController } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { disableUser } from './disable-user';

export class DisableUserRequest {
  @IsText(500)
  reason!: string;
}

@CommandRoutes('users 用户', 'api/users')
export class DisableUserHttpController extends IdentityCommandController {
  @ApiOperation({ summary: '停用账号 (disable a user)', description: '停用账号（同时吊销其全部令牌）' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/disable')
  handle(@Command() meta: CommandMeta, @Param() p: UserParams, @Body() body: DisableUserRequest, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<CommandAnswerBody> {
    return respond(res, this.commands.revokingSessions(this.commands.execute(disableUser, { userId: p.userId, ...body }, meta), p.userId, 'user_disabled', req), this.events.positions);
  }
}
