import { CommandMeta } from '@platform/common';
import { RecordParticipationRequest } from './record-participation.request.dto';

export class RecordParticipationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: RecordParticipationRequest,
  ) {}
}
