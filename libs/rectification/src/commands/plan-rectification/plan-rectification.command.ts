import { CommandMeta } from '@platform/common';
import { PlanRectificationRequest } from './plan-rectification.request.dto';

export class PlanRectificationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: PlanRectificationRequest,
  ) {}
}
