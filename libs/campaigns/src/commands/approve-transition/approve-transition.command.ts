import { CommandMeta } from '@platform/common';
import { ApproveTransitionRequest } from './approve-transition.request.dto';

export class ApproveTransitionCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: ApproveTransitionRequest,
  ) {}
}
