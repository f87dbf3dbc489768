import { Injectable, NestMiddleware } from '@nestjs/common';
import { ROLES, Role } from '@platform/domain';
import type { NextFunction, Response } from 'express';
import { ScopedRequest } from '../access/actor-scope';
import { ActorRequest } from './request-actor';

/**
 * Development stand-in for sign-in: `x-dev-actor: userId;role;unit1,unit2`. Only mounted when
 * DEV_ACTOR_HEADER=1; the real actor comes from a verified token.
 */
@Injectable()
export class DevActorMiddleware implements NestMiddleware {
  use(req: ActorRequest & ScopedRequest, _res: Response, next: NextFunction): void {
    const raw = req.header('x-dev-actor');
    if (raw) {
      const [userId, role, units = ''] = raw.split(';').map((s) => s.trim());
      const roots = units.split(',').filter(Boolean);
      if (userId && (ROLES as readonly string[]).includes(role)) {
        req.actor = { userId, role: role as Role, unitId: roots[0] ?? null };
        req.scope = { all: role === 'admin', roots };
      }
    }
    next();
  }
}
