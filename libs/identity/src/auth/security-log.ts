import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@platform/common';
import type { Request } from 'express';
import { IdentityStore } from '../store/identity-store';

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
  constructor(private readonly store: IdentityStore, @Inject(CLOCK) private readonly clock: Clock) {}

  record(
    kind: SecurityEventKind,
    who: { userId?: string | null; username?: string | null },
    req: Request | null,
    detail: Record<string, unknown> = {},
  ): void {
    this.store.log({
      at: this.clock().toISOString(),
      kind,
      userId: who.userId ?? null,
      username: who.username ?? null,
      ip: req?.ip ?? null,
      detail: req ? { method: req.method, path: req.path, ...detail } : detail,
    });
  }
}
