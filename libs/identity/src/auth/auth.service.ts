import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, Clock, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { UserState } from '@platform/domain';
import type { FastifyRequest } from 'fastify';
import { actorOf } from './authenticator';
import { IDENTITY_STATE, IdentityState } from '../state/identity-state.port';
import { PASSWORD_HASHER, PasswordHasher } from './password-hasher';
import { SecurityLog } from './security-log';
import { SignInLimits } from './sign-in-limits';
import { UserDirectory } from '../users/user-directory';

export interface TokenPair {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: { userId: string; username: string; displayName: string; role: string; scopeUnitIds: string[]; contactPointUnitIds: string[] };
}

const refused = () =>
  new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '登录名或密码错误 (wrong username or password)' });

@Injectable()
export class AuthService {
  /** Verifying against a dummy hash keeps the answer time the same for unknown users. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserDirectory,
    @Inject(IDENTITY_STATE) private readonly store: IdentityState,
    private readonly jwt: JwtService,
    private readonly log: SecurityLog,
    private readonly limits: SignInLimits,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async signIn(username: string, password: string, req: FastifyRequest): Promise<TokenPair> {
    await this.limits.check(username, req);
    const user = await this.users.byUsername(username);
    const hash = user ? await this.store.passwordHash(user.userId) : null;
    this.dummyHash ??= this.hasher.hash('not-a-password-of-anyone');
    const ok = await this.hasher.verify(hash ?? (await this.dummyHash), password);
    if (!user || !hash || !ok || user.disabled) {
      await this.log.record('sign_in_failed', { userId: user?.userId, username }, req, {
        reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password',
      });
      await this.limits.failed(username, req);
      throw refused();
    }
    await this.limits.succeeded(username);
    await this.log.record('sign_in', user, req);
    return this.issue(user);
  }

  /**
   * Rotates: the presented token is revoked and a new pair issued. A token presented again — after
   * its rotation, or by a second request racing the first — revokes all of the user's tokens; the
   * store decides which presentation rotates in one atomic step (see RefreshTokenStore).
   */
  async refresh(refreshToken: string, req: FastifyRequest): Promise<TokenPair> {
    const token = await this.store.refreshToken(refreshToken);
    const now = this.clock();
    if (!token) throw await this.invalidRefresh(req, null);
    // Neither an expired token nor one of a disabled user is consumed: it stays as it was, refused.
    const user = token.revokedAt ? undefined : await this.users.get(token.userId);
    if (!token.revokedAt && (Date.parse(token.expiresAt) <= now.getTime() || !user?.exists || user.disabled)) {
      throw await this.invalidRefresh(req, token.userId);
    }
    const rotation = await this.store.rotateRefreshToken(refreshToken, now, this.config.auth.refreshTokenSeconds);
    if (rotation.outcome === 'reused') {
      // The thief may hold an access token of the family too: raising the version ends them all now, not in 15 minutes.
      const tokenVersion = await this.store.raiseTokenVersion(rotation.userId);
      await this.log.record('refresh_token_reused', { userId: rotation.userId }, req, { revokedTokens: rotation.revokedTokens, tokenVersion });
      throw await this.invalidRefresh(req, rotation.userId);
    }
    if (rotation.outcome === 'unknown' || !user) throw await this.invalidRefresh(req, null);
    await this.log.record('token_refreshed', user, req);
    return this.issue(user, rotation.successor);
  }

  async signOut(refreshToken: string, req: FastifyRequest): Promise<void> {
    const token = await this.store.refreshToken(refreshToken);
    if (token && (await this.store.revokeRefreshToken(refreshToken, this.clock().toISOString(), 'signed_out'))) {
      await this.log.record('signed_out', { userId: token.userId }, req);
      await this.log.record('token_revoked', { userId: token.userId }, req, { reason: 'signed_out' });
    }
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    const hash = await this.store.passwordHash(userId);
    return hash !== null && this.hasher.verify(hash, password);
  }

  async storePassword(userId: string, password: string): Promise<void> {
    await this.store.setPasswordHash(userId, await this.hasher.hash(password), this.clock().toISOString());
  }

  async revokeAll(userId: string, reason: string, req: FastifyRequest | null): Promise<void> {
    const n = await this.store.revokeAllForUser(userId, this.clock().toISOString(), reason);
    if (n > 0) await this.log.record('token_revoked', { userId }, req, { reason, tokens: n });
  }

  private async issue(user: UserState, successor?: string): Promise<TokenPair> {
    const seconds = this.config.auth.accessTokenSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.userId, ver: await this.store.tokenVersion(user.userId) }, { expiresIn: seconds });
    const refreshToken = successor ?? (await this.store.issueRefreshToken(user.userId, this.clock(), this.config.auth.refreshTokenSeconds));
    const { actor } = actorOf(user);
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: seconds,
      refreshToken,
      user: {
        userId: actor.userId,
        username: user.username,
        displayName: user.displayName,
        role: actor.role,
        scopeUnitIds: [...user.scopeUnitIds],
        contactPointUnitIds: [...user.contactPointUnitIds],
      },
    };
  }

  private async invalidRefresh(req: FastifyRequest, userId: string | null): Promise<UnauthorizedException> {
    if (userId) await this.log.record('sign_in_failed', { userId }, req, { reason: 'refresh_refused' });
    return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '刷新令牌无效或已失效，请重新登录 (refresh token invalid)' });
  }
}
