import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ActorRequest, CommandMeta, commandHeaders, documentCommand, fromParams, NO_SCOPE, ScopedRequest, UnitLocator } from '@platform/common';
import { Actor } from '@platform/domain';

/** Who a ballot from the masses is recorded as: nobody in particular, by design. */
export const ANONYMOUS_VOTER: Actor = { userId: 'anonymous', role: 'public', unitId: null };

const isVoter = (actor: Actor | undefined) => !actor || actor.role === 'public';

/**
 * Like @Command(), but a request without a signed-in staff member becomes the anonymous voter
 * instead of a 401: the ballot must not carry who cast it, even when the voter signed in.
 * Staff keep their identity (they enter paper ballots as organizers).
 */
export const VoterCommand = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => {
  const req = ctx.switchToHttp().getRequest<ActorRequest & ScopedRequest>();
  const headers = commandHeaders(req);
  const voter = isVoter(req.actor);
  return {
    ...headers,
    actor: voter ? ANONYMOUS_VOTER : req.actor!,
    scope: voter ? NO_SCOPE : (req.scope ?? NO_SCOPE),
    // A voter's own correlation id could tie ballots together; theirs get a fresh one.
    correlationId: (!voter && headers.correlationId) || randomUUID(),
  };
}, [documentCommand]);

/**
 * The masses have no scope: for them the open round decides. Organizers stay within theirs.
 * (null lets a write through to the decider; the guard never asks when nobody signed in.)
 */
export const organizerUnit: UnitLocator = async (req, lookups) =>
  isVoter((req as ActorRequest).actor) ? null : fromParams('unitId')(req, lookups);
