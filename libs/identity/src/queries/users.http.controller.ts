import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Access, MAX_QUERY_INTEGER, IsOptionalInteger } from '@platform/common';
import { IDENTITY_STATE, SecurityLogStore } from '../state/identity-state.port';
import { SECURITY_EVENT_KINDS, SecurityEventKind } from '../auth/security-log';
import { UserDirectory } from '../users/user-directory';
import { UserParams } from '../users/user-params';
import { ListUsersAnswer } from './list-users.response';
import { GetUserAnswer } from './get-user.response';
import { SecurityLogAnswer } from './security-log.response';

export class SecurityLogQuery {
  @IsOptionalInteger(0, MAX_QUERY_INTEGER)
  after?: number;

  @IsOptionalInteger(1, 1000)
  limit?: number;

  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS)
  kind?: SecurityEventKind;
}

@ApiTags('users 用户')
@Controller('api')
export class UsersHttpController {
  constructor(private readonly users: UserDirectory, @Inject(IDENTITY_STATE) private readonly store: SecurityLogStore) {}

  /** 用户列表 */
  @ApiOperation({ operationId: 'listUsers', summary: '用户列表 (list users)' })
  @ApiOkResponse({ schema: ListUsersAnswer })
  @Access({ roles: ['admin'], mode: 'read', units: null })
  @Get('users')
  async list() {
    const users = await this.users.all();
    return { total: users.length, users: users.map(({ exists: _, ...u }) => u) };
  }

  /** 用户详情 */
  @ApiOperation({ operationId: 'getUser', summary: '用户详情 (get a user)' })
  @ApiOkResponse({ schema: GetUserAnswer })
  @Access({ roles: ['admin'], mode: 'read', units: null })
  @Get('users/:userId')
  async get(@Param() p: UserParams) {
    const u = await this.users.get(p.userId);
    if (!u?.exists) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '用户不存在 (user not found)' });
    const { exists: _, ...rest } = u;
    return rest;
  }

  @ApiOperation({ operationId: 'readSecurityLog', summary: '安全日志 (security log)', description: '安全日志：登录失败、拒绝访问、令牌吊销、限流（按编号分页）' })
  @ApiOkResponse({ schema: SecurityLogAnswer })
  @Access({ roles: ['admin'], mode: 'read', units: null })
  @Get('security-log')
  async log(@Query() q: SecurityLogQuery) {
    const entries = await this.store.securityLog({ after: q.after, limit: q.limit ?? 100, kind: q.kind });
    return { entries, next: entries.length ? entries[entries.length - 1].id : q.after ?? 0 };
  }
}
