import { CommandMeta } from '@platform/common';
import { CloseSatisfactionRoundRequest } from './close-satisfaction-round.request.dto';

export class CloseSatisfactionRoundCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: CloseSatisfactionRoundRequest,
  ) {}
}
