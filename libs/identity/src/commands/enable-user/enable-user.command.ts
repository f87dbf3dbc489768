import { CommandMeta } from '@platform/common';
import { EnableUserRequest } from './enable-user.request.dto';

export class EnableUserCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: EnableUserRequest,
  ) {}
}
