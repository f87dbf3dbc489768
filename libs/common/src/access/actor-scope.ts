import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The subtrees an actor may see and act in; administrators see everything. */
export interface ActorScope {
  readonly all: boolean;
  readonly roots: readonly string[];
}

export interface ScopedRequest extends FastifyRequest {
  scope?: ActorScope;
}

export const NO_SCOPE: ActorScope = { all: false, roots: [] };

export const CurrentScope = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ActorScope => ctx.switchToHttp().getRequest<ScopedRequest>().scope ?? NO_SCOPE,
);

/** True when the unit lies in one of the scope's subtrees (given the unit's ancestors). */
export function scopeCovers(scope: ActorScope, unitId: string, ancestorIds: readonly string[]): boolean {
  return scope.all || scope.roots.includes(unitId) || ancestorIds.some((a) => scope.roots.includes(a));
}
