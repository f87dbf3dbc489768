import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ActorScope } from '@platform/common';
import { Actor, UserState } from '@platform/domain';
import { IDENTITY_STATE, RefreshTokenStore } from '../state/identity-state.port';
import { UserDirectory } from '../users/user-directory';
import { VerifiedTokens } from './verified-tokens';

export interface AccessTokenClaims {
  readonly sub: string;
  /** The user's token version at issue (see RefreshTokenStore.tokenVersion); absent on tokens from before it existed. */
  readonly ver?: number;
  readonly iat?: number;
  readonly exp?: number;
}

/** The only algorithm tokens are signed with; anything else (none, RS256 with the secret as a key...) is refused. */
export const TOKEN_ALGORITHM = 'HS256';
/** How far a token's issue time may lie ahead of this server's clock (another instance's clock skew). */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

const unauthorized = (message: string) => new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });

export function actorOf(user: UserState): { actor: Actor; scope: ActorScope } {
  return {
    actor: { userId: user.userId, role: user.role as Actor['role'], unitId: user.unitId },
    scope: { all: user.role === 'admin', roots: [...user.scopeUnitIds, ...user.contactPointUnitIds] },
  };
}

/**
 * Turns a bearer token into the actor and scope of the request. The token names only the user:
 * role, scope and whether the account is enabled are read fresh, so a change applies at once.
 * A token must carry an expiry and an issue time not in the future, and its version must still be
 * the user's: a detected refresh-token theft raises the version and so ends every access token.
 */
@Injectable()
export class Authenticator {
  /** Signatures verified once per token (see VerifiedTokens): the HMAC was a tenth of a cheap request's time. */
  private readonly verified = new VerifiedTokens<AccessTokenClaims & { nbf?: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly users: UserDirectory,
    @Inject(IDENTITY_STATE) private readonly store: RefreshTokenStore,
  ) {}

  async authenticate(authorization: string | undefined): Promise<{ actor: Actor; scope: ActorScope } | null> {
    if (!authorization) return null;
    const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!m) throw unauthorized('Authorization 须为 Bearer 令牌 (bearer token expected)');
    let claims = this.verified.get(m[1]);
    if (!claims) {
      try {
        claims = await this.jwt.verifyAsync<AccessTokenClaims>(m[1], { algorithms: [TOKEN_ALGORITHM] });
      } catch {
        throw unauthorized('令牌无效或已过期，请重新登录 (token invalid or expired)');
      }
      this.verified.keep(m[1], claims);
    }
    if (!wellFormed(claims) || (claims.ver ?? 0) !== (await this.store.tokenVersion(claims.sub))) {
      throw unauthorized('令牌无效或已过期，请重新登录 (token invalid or expired)');
    }
    const user = await this.users.get(claims.sub);
    if (!user?.exists || user.disabled) throw unauthorized('账号不存在或已停用 (account unavailable)');
    return actorOf(user);
  }
}

function wellFormed(c: AccessTokenClaims): boolean {
  const nowSeconds = Date.now() / 1000;
  return (
    typeof c.sub === 'string' &&
    typeof c.exp === 'number' &&
    typeof c.iat === 'number' &&
    c.iat <= nowSeconds + TOKEN_CLOCK_SKEW_SECONDS &&
    (c.ver === undefined || Number.isInteger(c.ver))
  );
}
