import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '@platform/domain';
import type { FastifyRequest } from 'fastify';
import { ActorScope, NO_SCOPE, ScopedRequest } from '../access/actor-scope';
import { ActorRequest } from './request-actor';
import { headerOf } from './request-parts';
import { documentCommand } from './openapi/api-answers';
import { badRequest } from './validation';

/** What every command request carries besides its body. */
export interface CommandMeta {
  readonly actor: Actor;
  /** Where the actor may act; handlers with checks the guard cannot make (imports) use it. */
  readonly scope: ActorScope;
  /** From If-Match: the stream revision the client saw; a different current revision is a 409. */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  readonly correlationId: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(value.trim());
  if (!m || Number(m[1]) < -1) {
    throw badRequest([{ field: 'If-Match', rule: 'revision', message: 'If-Match 须为流版本号，如 "3" (a stream revision)' }]);
  }
  return Number(m[1]);
}

/**
 * The headers every command decorator reads: Idempotency-Key and If-Match are checked (400 when
 * malformed). The correlation id is the one the platform's middleware gave the request (`req.id`:
 * the caller's X-Correlation-Id when well formed, else a fresh one), so it is parsed in one place;
 * absent where no middleware ran, and the caller decides what replaces it.
 */
export function commandHeaders(req: FastifyRequest): Pick<CommandMeta, 'expectedRevision' | 'idempotencyKey'> & { correlationId?: string } {
  const key = headerOf(req, 'idempotency-key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw badRequest([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key 须为 1–200 个可见 ASCII 字符' }]);
  }
  const id: unknown = req.id;
  return { expectedRevision: parseIfMatch(headerOf(req, 'if-match')), idempotencyKey: key, correlationId: typeof id === 'string' ? id : undefined };
}

export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const req = ctx.switchToHttp().getRequest<ActorRequest & ScopedRequest & { id?: string }>();
  if (!req.actor) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '请先登录 (sign in first)' });
  const headers = commandHeaders(req);
  return { ...headers, actor: req.actor, scope: req.scope ?? NO_SCOPE, correlationId: headers.correlationId ?? randomUUID() };
}, [documentCommand]);
