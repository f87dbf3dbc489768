import { CommandMeta } from '@platform/common';
import { OpenSatisfactionRoundRequest } from './open-satisfaction-round.request.dto';

export class OpenSatisfactionRoundCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: OpenSatisfactionRoundRequest,
  ) {}
}
