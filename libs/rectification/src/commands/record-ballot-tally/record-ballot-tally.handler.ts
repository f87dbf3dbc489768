import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { RecordBallotTallyCommand } from './record-ballot-tally.command';

@CommandHandler(RecordBallotTallyCommand)
export class RecordBallotTallyHandler implements ICommandHandler<RecordBallotTallyCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, campaignId, unitId, request: r }: RecordBallotTallyCommand): Promise<CommandResult> {
    const campaign = await this.facts.satisfaction(campaignId, unitId);
    return this.runner.run(
      satisfactionStreamId(campaignId, unitId),
      satisfactionDecider,
      meta,
      { type: 'RecordBallotTally', ...this.runner.context(meta), campaign, unitId, round: r.round, tallyId: r.tallyId, meeting: r.meeting, counts: { ...r.counts } },
      { command: 'RecordBallotTally', campaignId, unitId, ...r },
    );
  }
}
