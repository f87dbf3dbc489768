import { applyDecorators, SetMetadata, Type } from '@nestjs/common';
import { Role } from '@platform/domain';
import type { FastifyRequest } from 'fastify';
import { ApiAccess } from '../http/openapi/api-answers';
import { ScopeLookupRegistry } from './scope-lookups';

export const ACCESS_RULE = 'platform:access-rule';

/**
 * Finds the units a request touches, so the access guard can check them against the actor's
 * scope before the handler runs. Answers null when the request names something that does not
 * exist (the guard then lets the handler answer its own 404/422).
 */
export type UnitLocator = (req: LocatedRequest, lookups: ScopeLookupRegistry) => Promise<string[] | null>;

/** What a locator reads of the request: its path parameters and its parsed body. */
export type LocatedRequest = FastifyRequest<{ Params: Record<string, string | undefined>; Body: Record<string, unknown> | undefined }>;

export interface AccessRule {
  /** Who may call at all. 'public' means no sign-in is needed. */
  readonly roles: readonly Role[];
  /** Outside one's scope a read answers 404 (reveals nothing), a write 403. */
  readonly mode: 'read' | 'write';
  /**
   * The units to check against the scope; null for requests that are not about particular units
   * (their handlers filter what they return by the actor's scope).
   */
  readonly units: UnitLocator | null;
  /**
   * 'all' (default): every located unit must be in scope. 'any': one is enough — for things that
   * span many units (a campaign, a stream) whose handlers then show only the part in scope.
   * A write whose locator finds no unit at all touches the whole tree and needs an all-seeing scope.
   */
  readonly match?: 'all' | 'any';
  /**
   * The body's class, where the units are located in the body: a write that names no unit, or one
   * the tree does not know, is validated before it is refused, so an empty or malformed unit field
   * is answered 400 naming it (as any other bad field), not 403.
   */
  readonly body?: Type<unknown>;
}

/**
 * Every route declares who may call it; a route without a rule is refused and fails the access-matrix test.
 * The same rule documents the route's security and the refusals it can answer in the OpenAPI document.
 */
export const Access = (rule: AccessRule) => applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiAccess(rule));

export const STAFF: readonly Role[] = ['admin', 'office', 'operator', 'inspector', 'leader'];
export const REVIEWERS: readonly Role[] = ['admin', 'office', 'inspector'];
export const MANAGERS: readonly Role[] = ['admin', 'office'];
