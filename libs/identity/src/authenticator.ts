import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ActorScope } from '@platform/common';
import { Actor, UserState } from '@platform/domain';
import { UserDirectory } from './user-directory';

export interface AccessTokenClaims {
  readonly sub: string;
}

const unauthorized = (message: string) => new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });

export function actorOf(user: UserState): { actor: Actor; scope: ActorScope } {
  return {
    actor: { userId: user.userId, role: user.role as Actor['role'], unitId: user.scopeUnitIds[0] ?? null },
    scope: { all: user.role === 'admin', roots: [...user.scopeUnitIds, ...user.contactPointUnitIds] },
  };
}

/**
 * Turns a bearer token into the actor and scope of the request. The token names only the user:
 * role, scope and whether the account is enabled are read fresh, so a change applies at once.
 */
@Injectable()
export class Authenticator {
  constructor(private readonly jwt: JwtService, private readonly users: UserDirectory) {}

  async authenticate(authorization: string | undefined): Promise<{ actor: Actor; scope: ActorScope } | null> {
    if (!authorization) return null;
    const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!m) throw unauthorized('Authorization 须为 Bearer 令牌 (bearer token expected)');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(m[1]);
    } catch {
      throw unauthorized('令牌无效或已过期，请重新登录 (token invalid or expired)');
    }
    const user = await this.users.get(claims.sub);
    if (!user?.exists || user.disabled) throw unauthorized('账号不存在或已停用 (account unavailable)');
    return actorOf(user);
  }
}
