import { CommandMeta } from '@platform/common';
import { RejectFixRequest } from './reject-fix.request.dto';

export class RejectFixCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: RejectFixRequest,
  ) {}
}
