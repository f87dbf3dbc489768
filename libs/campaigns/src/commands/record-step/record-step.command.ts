import { CommandMeta } from '@platform/common';
import { RecordStepRequest } from './record-step.request.dto';

export class RecordStepCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: RecordStepRequest,
  ) {}
}
