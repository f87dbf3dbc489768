import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ActorRequest, pathOf } from '@platform/common';
import { SecurityLog } from '../auth/security-log';

const SIGN_IN_PATHS = new Set(['/api/auth/sign-in', '/api/auth/refresh']);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two budgets: sign-in attempts per client address, and writes per signed-in user (or address).
 * Reads are not limited here: they are cheap and scoped.
 */
@Injectable()
export class PlatformThrottlerGuard extends ThrottlerGuard {
  private securityLog: SecurityLog | null = null;

  useSecurityLog(log: SecurityLog): void {
    this.securityLog = log;
  }

  /** A read (other than sign-in, which is a POST anyway) is counted by no budget: skip the per-throttler route lookups too. */
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    return READ_METHODS.has(req.method) && !SIGN_IN_PATHS.has(pathOf(req));
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const req = props.context.switchToHttp().getRequest<FastifyRequest>();
    const signIn = SIGN_IN_PATHS.has(pathOf(req));
    if (props.throttler.name === 'sign-in' && !signIn) return true;
    if (props.throttler.name === 'writes' && (signIn || READ_METHODS.has(req.method))) {
      return true;
    }
    return super.handleRequest(props);
  }

  /**
   * The budget's key as plain text: the library hashes it with SHA-256 (a Hash object per write),
   * which only shortens a key our storages keep as it is; route and user id are short already.
   */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const actor = (req as unknown as ActorRequest).actor;
    return actor ? `user:${actor.userId}` : `ip:${(req as unknown as FastifyRequest).ip}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const req = context.switchToHttp().getRequest<ActorRequest>();
    await this.securityLog?.record('rate_limited', { userId: req.actor?.userId }, req, { limit: detail.limit, ttlMs: detail.ttl });
    return super.throwThrottlingException(context, detail);
  }
}
