import { CommandMeta } from '@platform/common';
import type { Request } from 'express';
import { EnableUserRequest } from './enable-user.request.dto';

export class EnableUserCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: EnableUserRequest,
    readonly http: Request,
  ) {}
}
