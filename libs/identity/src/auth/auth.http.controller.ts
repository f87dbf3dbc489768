import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandAnswerBody, CurrentActor, respond, STAFF } from '@platform/common';
import { Actor } from '@platform/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, TokenPair } from './auth.service';
import { resetPassword } from '../commands/reset-password/reset-password';
import { IdentityCommands } from '../identity-commands';
import { UserDirectory } from '../users/user-directory';
import { ChangeOwnPasswordRequest, RefreshTokenRequest, SignInRequest } from './auth.request.dto';
import { CurrentUserAnswer } from './current-user.response';
import { TokenPairAnswer } from './token-pair.response';

@ApiTags('auth 登录')
@Controller('api/auth')
export class AuthHttpController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserDirectory,
    private readonly commands: IdentityCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @ApiOperation({ operationId: 'signIn', summary: '登录 (sign in)', description: '登录：返回短期访问令牌和可吊销的刷新令牌' })
  @ApiOkResponse({ schema: TokenPairAnswer })
  @ApiRequestExample(SignInRequest, '登录 (sign in)', { username: 'office-wuling', password: 'correct-horse-battery' })
  @Access({ roles: ['public', ...STAFF], mode: 'write', units: null })
  @Post('sign-in')
  @HttpCode(200)
  signIn(@Body() body: SignInRequest, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.signIn(body.username, body.password, req);
  }

  @ApiOperation({ operationId: 'refreshTokens', summary: '用刷新令牌换取新令牌 (refresh the tokens)', description: '用刷新令牌换取新令牌（旧刷新令牌随即失效）' })
  @ApiOkResponse({ schema: TokenPairAnswer })
  @Access({ roles: ['public', ...STAFF], mode: 'write', units: null })
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenRequest, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, req);
  }

  @ApiOperation({ operationId: 'signOut', summary: '退出登录 (sign out)', description: '退出登录：吊销刷新令牌' })
  @ApiNoContentResponse({ description: '已退出 (signed out)' })
  @Access({ roles: ['public', ...STAFF], mode: 'write', units: null })
  @Post('sign-out')
  @HttpCode(204)
  signOut(@Body() body: RefreshTokenRequest, @Req() req: FastifyRequest): Promise<void> {
    return this.auth.signOut(body.refreshToken, req);
  }

  /** 当前用户 */
  @ApiOperation({ operationId: 'getCurrentUser', summary: '当前用户 (the signed-in user)' })
  @ApiOkResponse({ schema: CurrentUserAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get('me')
  async me(@CurrentActor() actor: Actor) {
    const u = await this.users.get(actor.userId);
    return {
      userId: actor.userId,
      username: u?.username,
      displayName: u?.displayName,
      role: actor.role,
      unitId: u?.unitId ?? null,
      scopeUnitIds: u?.scopeUnitIds ?? [],
      contactPointUnitIds: u?.contactPointUnitIds ?? [],
    };
  }

  @ApiOperation({ operationId: 'changeOwnPassword', summary: '修改本人密码 (change one\'s own password)', description: '修改本人密码（须提供当前密码）' })
  @Access({ roles: STAFF, mode: 'write', units: null })
  @Post('password')
  async changeOwnPassword(
    @Command() meta: CommandMeta,
    @Body() body: ChangeOwnPasswordRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CommandAnswerBody> {
    if (!(await this.auth.checkPassword(meta.actor.userId, body.currentPassword))) {
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '当前密码错误 (current password is wrong)' });
    }
    const userId = meta.actor.userId;
    return respond(res, this.commands.revokingSessions(this.commands.execute(resetPassword, { userId, password: body.newPassword }, meta), userId, 'password_reset', req), this.events.positions);
  }
}
