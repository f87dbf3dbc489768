import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ClaimFixedCommand } from './claim-fixed.command';

@CommandHandler(ClaimFixedCommand)
export class ClaimFixedHandler implements ICommandHandler<ClaimFixedCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: ClaimFixedCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ClaimFixed', ...this.runner.context(meta), evidence: r.evidence, attachmentRefs: r.attachmentRefs ?? [] },
      { command: 'ClaimFixed', problemId, ...r },
    );
  }
}
