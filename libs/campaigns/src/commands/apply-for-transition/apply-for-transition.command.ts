import { CommandMeta } from '@platform/common';
import { ApplyForTransitionRequest } from './apply-for-transition.request.dto';

export class ApplyForTransitionCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: ApplyForTransitionRequest,
  ) {}
}
