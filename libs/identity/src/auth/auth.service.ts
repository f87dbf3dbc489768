import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, Clock, PLATFORM_CONFIG, PlatformConfig } from '@platform/common';
import { UserState } from '@platform/domain';
import type { Request } from 'express';
import { actorOf } from './authenticator';
import { IdentityStore } from '../store/identity-store';
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
    private readonly store: IdentityStore,
    private readonly jwt: JwtService,
    private readonly log: SecurityLog,
    private readonly limits: SignInLimits,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async signIn(username: string, password: string, req: Request): Promise<TokenPair> {
    this.limits.check(username, req);
    const user = await this.users.byUsername(username);
    const hash = user ? this.store.passwordHash(user.userId) : null;
    this.dummyHash ??= this.hasher.hash('not-a-password-of-anyone');
    const ok = await this.hasher.verify(hash ?? (await this.dummyHash), password);
    if (!user || !hash || !ok || user.disabled) {
      this.log.record('sign_in_failed', { userId: user?.userId, username }, req, {
        reason: !user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password',
      });
      this.limits.failed(username, req);
      throw refused();
    }
    this.limits.succeeded(username);
    this.log.record('sign_in', user, req);
    return this.issue(user);
  }

  /** Rotates: the presented token is revoked and a new pair issued. A revoked token presented again revokes them all. */
  async refresh(refreshToken: string, req: Request): Promise<TokenPair> {
    const row = this.store.refreshToken(refreshToken);
    const now = this.clock();
    if (!row) throw this.invalidRefresh(req, null);
    if (row.revoked_at) {
      const n = this.store.revokeAllForUser(row.user_id, now.toISOString(), 'reuse_detected');
      // The thief may hold an access token of the family too: raising the version ends them all now, not in 15 minutes.
      const tokenVersion = this.store.raiseTokenVersion(row.user_id);
      this.log.record('refresh_token_reused', { userId: row.user_id }, req, { revokedTokens: n, tokenVersion });
      throw this.invalidRefresh(req, row.user_id);
    }
    if (Date.parse(row.expires_at) <= now.getTime()) throw this.invalidRefresh(req, row.user_id);
    const user = await this.users.get(row.user_id);
    if (!user?.exists || user.disabled) throw this.invalidRefresh(req, row.user_id);
    this.store.revokeRefreshToken(refreshToken, now.toISOString(), 'rotated');
    this.log.record('token_refreshed', user, req);
    return this.issue(user);
  }

  signOut(refreshToken: string, req: Request): void {
    const row = this.store.refreshToken(refreshToken);
    if (row && this.store.revokeRefreshToken(refreshToken, this.clock().toISOString(), 'signed_out')) {
      this.log.record('signed_out', { userId: row.user_id }, req);
      this.log.record('token_revoked', { userId: row.user_id }, req, { reason: 'signed_out' });
    }
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    const hash = this.store.passwordHash(userId);
    return hash !== null && this.hasher.verify(hash, password);
  }

  async storePassword(userId: string, password: string): Promise<void> {
    this.store.setPasswordHash(userId, await this.hasher.hash(password), this.clock().toISOString());
  }

  revokeAll(userId: string, reason: string, req: Request | null): void {
    const n = this.store.revokeAllForUser(userId, this.clock().toISOString(), reason);
    if (n > 0) this.log.record('token_revoked', { userId }, req, { reason, tokens: n });
  }

  private async issue(user: UserState): Promise<TokenPair> {
    const seconds = this.config.auth.accessTokenSeconds;
    const accessToken = await this.jwt.signAsync({ sub: user.userId, ver: this.store.tokenVersion(user.userId) }, { expiresIn: seconds });
    const refreshToken = this.store.issueRefreshToken(user.userId, this.clock(), this.config.auth.refreshTokenSeconds);
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

  private invalidRefresh(req: Request, userId: string | null): UnauthorizedException {
    if (userId) this.log.record('sign_in_failed', { userId }, req, { reason: 'refresh_refused' });
    return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '刷新令牌无效或已失效，请重新登录 (refresh token invalid)' });
  }
}
