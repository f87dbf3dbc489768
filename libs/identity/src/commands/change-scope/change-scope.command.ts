import { CommandMeta } from '@platform/common';
import { ChangeScopeRequest } from './change-scope.request.dto';

export class ChangeScopeCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly userId: string,
    readonly request: ChangeScopeRequest,
  ) {}
}
