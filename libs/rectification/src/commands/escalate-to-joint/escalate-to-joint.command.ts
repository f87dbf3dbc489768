import { CommandMeta } from '@platform/common';
import { EscalateToJointRequest } from './escalate-to-joint.request.dto';

export class EscalateToJointCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: EscalateToJointRequest,
  ) {}
}
