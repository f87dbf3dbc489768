import { CommandMeta } from '@platform/common';
import type { Request } from 'express';
import { ResetPasswordRequest } from './reset-password.request.dto';

export class ResetPasswordCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: ResetPasswordRequest,
    readonly http: Request,
  ) {}
}
