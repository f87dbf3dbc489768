import { CommandMeta } from '@platform/common';
import type { Request } from 'express';
import { DisableUserRequest } from './disable-user.request.dto';

export class DisableUserCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: DisableUserRequest,
    readonly http: Request,
  ) {}
}
