import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ActorRequest, badRequest, CommandMeta, NO_SCOPE, parseIfMatch, ScopedRequest, UnitLocator, fromParams } from '@platform/common';
import { Actor } from '@platform/domain';

/** Who a ballot from the masses is recorded as: nobody in particular, by design. */
export const ANONYMOUS_VOTER: Actor = { userId: 'anonymous', role: 'public', unitId: null };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

const isVoter = (actor: Actor | undefined) => !actor || actor.role === 'public';

/**
 * Like @Command(), but a request without a signed-in staff member becomes the anonymous voter
 * instead of a 401: the ballot must not carry who cast it, even when the voter signed in.
 * Staff keep their identity (they enter paper ballots as organizers).
 */
export const VoterCommand = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const req = ctx.switchToHttp().getRequest<ActorRequest & ScopedRequest>();
  const key = req.header('idempotency-key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw badRequest([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key 须为 1–200 个可见 ASCII 字符' }]);
  }
  const voter = isVoter(req.actor);
  const correlation = req.header('x-correlation-id');
  return {
    actor: voter ? ANONYMOUS_VOTER : req.actor!,
    scope: voter ? NO_SCOPE : (req.scope ?? NO_SCOPE),
    expectedRevision: parseIfMatch(req.header('if-match')),
    idempotencyKey: key,
    // A voter's own correlation id could tie ballots together; theirs get a fresh one.
    correlationId: !voter && correlation && KEY_PATTERN.test(correlation) ? correlation : randomUUID(),
  };
});

/**
 * The masses have no scope: for them the open round decides. Organizers stay within theirs.
 * (null lets a write through to the decider; the guard never asks when nobody signed in.)
 */
export const organizerUnit: UnitLocator = async (req, lookups) =>
  isVoter((req as ActorRequest).actor) ? null : fromParams('unitId')(req, lookups);
