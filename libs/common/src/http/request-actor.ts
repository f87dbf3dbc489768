import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Actor } from '@platform/domain';
import type { FastifyRequest } from 'fastify';

/** Set on the request by the authentication layer; commands take their actor from here only. */
export interface ActorRequest extends FastifyRequest {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<ActorRequest>().actor;
  if (!actor) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '请先登录 (sign in first)' });
  return actor;
});
