import { CommandMeta } from '@platform/common';
import { RejectTransitionRequest } from './reject-transition.request.dto';

export class RejectTransitionCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: RejectTransitionRequest,
  ) {}
}
