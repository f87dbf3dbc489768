import { CommandMeta } from '@platform/common';
import { ClaimFixedRequest } from './claim-fixed.request.dto';

export class ClaimFixedCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: ClaimFixedRequest,
  ) {}
}
