import { CommandMeta } from '@platform/common';
import { CastBallotRequest } from './cast-ballot.request.dto';

export class CastBallotCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: CastBallotRequest,
  ) {}
}
