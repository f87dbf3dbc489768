import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_SIGN_IN_FAILURES_PER_ACCOUNT,
  DEFAULT_SIGN_IN_FAILURES_PER_ADDRESS,
  PLATFORM_CONFIG,
  PlatformConfig,
  SIGN_IN_FAILURE_WINDOW_MS,
  withHeaders,
} from '@platform/common';
import type { FastifyRequest } from 'fastify';
import { FAILURE_WINDOWS, FailureCounter, FailureWindows } from '../rate-limits/failure-windows.port';
import { SecurityLog } from './security-log';

/**
 * Failed sign-ins are limited per account (guessing one password from many addresses) and per
 * address (trying many accounts from one), separately; successful ones only by the loose request
 * limit, so a township office behind one address signs in all its staff. A correct password
 * clears its account's failures, never its address's.
 */
@Injectable()
export class SignInLimits {
  private readonly byAccount: FailureCounter;
  private readonly byAddress: FailureCounter;

  constructor(@Inject(PLATFORM_CONFIG) config: PlatformConfig, @Inject(FAILURE_WINDOWS) windows: FailureWindows, private readonly log: SecurityLog) {
    const l = config.limits;
    this.byAccount = windows('account', l.signInFailuresPerAccount ?? DEFAULT_SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_FAILURE_WINDOW_MS);
    this.byAddress = windows('address', l.signInFailuresPerAddress ?? DEFAULT_SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_FAILURE_WINDOW_MS);
  }

  /** Refuses (429) before the password is even checked while the account or the address is locked out. */
  async check(username: string, req: FastifyRequest): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.retryAfterMs(accountKey(username)), this.byAddress.retryAfterMs(addressKey(req))]);
    if (account === 0 && address === 0) return;
    const lockedBy = account >= address ? 'account' : 'address';
    const seconds = Math.ceil(Math.max(account, address) / 1000);
    await this.log.record('rate_limited', { username }, req, { limit: 'sign_in_failures', lockedBy, retryAfterSeconds: seconds });
    throw withHeaders(new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'sign_in_locked',
        message: `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试 (too many failed sign-ins for this ${lockedBy})`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    ), { 'Retry-After': String(seconds) });
  }

  async failed(username: string, req: FastifyRequest): Promise<void> {
    await Promise.all([this.byAccount.record(accountKey(username)), this.byAddress.record(addressKey(req))]);
  }

  async succeeded(username: string): Promise<void> {
    await this.byAccount.clear(accountKey(username));
  }
}

const accountKey = (username: string) => username.trim().toLowerCase();
const addressKey = (req: FastifyRequest) => req.ip ?? 'unknown';
