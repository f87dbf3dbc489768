import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ClosePartCommand } from './close-part.command';

@CommandHandler(ClosePartCommand)
export class ClosePartHandler implements ICommandHandler<ClosePartCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, partId, request: r }: ClosePartCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ClosePart', ...this.runner.context(meta), partId, evidence: r.evidence },
      { command: 'ClosePart', problemId, partId, ...r },
    );
  }
}
