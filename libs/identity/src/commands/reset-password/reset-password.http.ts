import { Body, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandAnswerBody, CommandRoutes, respond } from '@platform/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityCommandController } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { resetPassword } from './reset-password';

export class ResetPasswordRequest {
  @IsString()
  @Length(10, 200, { message: 'password 长度须为 10–200 个字符' })
  password!: string;
}

@CommandRoutes('users 用户', 'api/users')
export class ResetPasswordHttpController extends IdentityCommandController {
  @ApiOperation({ summary: '重置密码 (reset a user\'s password)', description: '重置密码（同时吊销该用户的全部刷新令牌）' })
  @Access({ roles: ['admin'], mode: 'write', units: null })
  @Post(':userId/password')
  handle(@Command() meta: CommandMeta, @Param() p: UserParams, @Body() body: ResetPasswordRequest, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<CommandAnswerBody> {
    return respond(res, this.commands.revokingSessions(this.commands.execute(resetPassword, { userId: p.userId, ...body }, meta), p.userId, 'password_reset', req), this.events.positions);
  }
}
