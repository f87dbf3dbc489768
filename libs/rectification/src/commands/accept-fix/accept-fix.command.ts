import { CommandMeta } from '@platform/common';
import { AcceptFixRequest } from './accept-fix.request.dto';

export class AcceptFixCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: AcceptFixRequest,
  ) {}
}
