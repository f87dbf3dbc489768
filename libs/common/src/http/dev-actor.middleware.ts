import { Injectable, NestMiddleware } from '@nestjs/common';
import { ROLES, Role } from '@platform/domain';
import type { NextFunction, Response } from 'express';
import { ActorRequest } from './request-actor';

/**
 * Development stand-in for sign-in: `x-dev-actor: userId;role;unitId`. Only mounted when
 * DEV_ACTOR_HEADER=1; the real actor comes from a verified token.
 */
@Injectable()
export class DevActorMiddleware implements NestMiddleware {
  use(req: ActorRequest, _res: Response, next: NextFunction): void {
    const raw = req.header('x-dev-actor');
    if (raw) {
      const [userId, role, unitId] = raw.split(';').map((s) => s.trim());
      if (userId && (ROLES as readonly string[]).includes(role)) {
        req.actor = { userId, role: role as Role, unitId: unitId || null };
      }
    }
    next();
  }
}
