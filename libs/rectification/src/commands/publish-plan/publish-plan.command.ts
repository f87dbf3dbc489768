import { CommandMeta } from '@platform/common';
import { PublishPlanRequest } from './publish-plan.request.dto';

export class PublishPlanCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: PublishPlanRequest,
  ) {}
}
