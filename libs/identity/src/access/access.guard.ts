import { CanActivate, ExecutionContext, ForbiddenException, HttpException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule, ActorRequest, createValidationPipe, ScopedRequest, ScopeLookupRegistry, scopeCovers, headerOf, LocatedRequest } from '@platform/common';
import { OrganizationDirectory } from '@platform/organizations';
import { Authenticator } from '../auth/authenticator';
import { SecurityLog } from '../auth/security-log';

export const NOT_FOUND_BODY = { statusCode: 404, error: 'Not Found', message: '资源不存在或无权查看 (not found)' };
export const FORBIDDEN_BODY = { statusCode: 403, error: 'Forbidden', message: '无权进行此操作 (forbidden)' };

/**
 * Authenticates the request, then applies the route's declared rule: who may call it, and
 * whether the units it touches lie in the actor's scope. Outside the scope a read answers
 * exactly like a missing resource. Every refusal goes to the security log.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly reflector: Reflector,
    private readonly lookups: ScopeLookupRegistry,
    private readonly directory: OrganizationDirectory,
    private readonly authenticator: Authenticator,
    private readonly securityLog: SecurityLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<ActorRequest & ScopedRequest>();
    try {
      return await this.check(context, req);
    } catch (error) {
      // A bad body is the caller's mistake, answered like any other (see refuseWrite), not a refusal of access.
      if (error instanceof HttpException && error.getStatus() !== 400) {
        await this.securityLog.record('access_refused', { userId: req.actor?.userId }, req, { status: error.getStatus() });
      }
      throw error;
    }
  }

  private async check(context: ExecutionContext, req: ActorRequest & ScopedRequest): Promise<boolean> {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    const identity = await this.authenticator.authenticate(headerOf(req, 'authorization'));
    if (identity) {
      req.actor = identity.actor;
      req.scope = identity.scope;
    }
    if (!rule) throw new ForbiddenException(FORBIDDEN_BODY);
    const actor = req.actor;
    if (!actor) {
      if (rule.roles.includes('public')) return true;
      throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: '请先登录 (sign in first)' });
    }
    if (!rule.roles.includes(actor.role)) throw new ForbiddenException(FORBIDDEN_BODY);
    if (!rule.units) return true;
    const scope = req.scope ?? { all: false, roots: [] };
    if (scope.all) return true;
    const units = await rule.units(req as LocatedRequest, this.lookups);
    if (units === null) {
      if (rule.mode === 'read') throw new NotFoundException(NOT_FOUND_BODY);
      return true;
    }
    if (units.length === 0) {
      if (rule.mode === 'write') return this.refuseWrite(rule, req, false);
      return true;
    }
    const tree = await this.directory.current();
    const covered = (u: string) => scopeCovers(scope, u, tree.ancestorIds(u));
    const ok = rule.match === 'any' ? units.some(covered) : units.every(covered);
    if (ok) return true;
    if (rule.mode === 'read') throw new NotFoundException(NOT_FOUND_BODY);
    return this.refuseWrite(rule, req, units.every((u) => tree.has(u)));
  }

  /**
   * A write naming no unit, or one the tree does not know (an empty field, a typo), is first
   * validated as the handler would: a body that breaks its rules gets the 400 naming the field.
   * A well-formed body naming units outside the scope gets 403, whether they exist or not.
   */
  private async refuseWrite(rule: AccessRule, req: ActorRequest & ScopedRequest, allKnown: boolean): Promise<never> {
    if (rule.body && !allKnown) await this.validation.transform(req.body, { type: 'body', metatype: rule.body });
    throw new ForbiddenException(FORBIDDEN_BODY);
  }
}
