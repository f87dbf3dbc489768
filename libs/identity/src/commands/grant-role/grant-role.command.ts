import { CommandMeta } from '@platform/common';
import { GrantRoleRequest } from './grant-role.request.dto';

export class GrantRoleCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: GrantRoleRequest,
  ) {}
}
