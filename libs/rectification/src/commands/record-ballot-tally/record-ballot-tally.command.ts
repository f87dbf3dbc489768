import { CommandMeta } from '@platform/common';
import { RecordBallotTallyRequest } from './record-ballot-tally.request.dto';

export class RecordBallotTallyCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly campaignId: string,
    readonly unitId: string,
    readonly request: RecordBallotTallyRequest,
  ) {}
}
