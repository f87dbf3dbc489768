import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, pathOf } from '@platform/common';
import type { FastifyRequest } from 'fastify';
import { IDENTITY_STATE, SecurityLogStore } from '../state/identity-state.port';

export const SECURITY_EVENT_KINDS = [
  'sign_in',
  'sign_in_failed',
  'signed_out',
  'token_refreshed',
  'token_revoked',
  'refresh_token_reused',
  'access_refused',
  'rate_limited',
  'administrator_created',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Failed sign-ins, refusals and revocations, for administrators; never passwords or tokens. */
@Injectable()
export class SecurityLog {
  constructor(@Inject(IDENTITY_STATE) private readonly store: SecurityLogStore, @Inject(CLOCK) private readonly clock: Clock) {}

  async record(
    kind: SecurityEventKind,
    who: { userId?: string | null; username?: string | null },
    req: FastifyRequest | null,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.appendSecurityLog({
      at: this.clock().toISOString(),
      kind,
      userId: who.userId ?? null,
      username: who.username ?? null,
      ip: req?.ip ?? null,
      detail: req ? { method: req.method, path: pathOf(req), ...detail } : detail,
    });
  }
}
