import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RecordPartProgressCommand } from './record-part-progress.command';

@CommandHandler(RecordPartProgressCommand)
export class RecordPartProgressHandler implements ICommandHandler<RecordPartProgressCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, partId, request: r }: RecordPartProgressCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'RecordPartProgress', ...this.runner.context(meta, r.occurredAt), partId, note: r.note, attachmentRefs: r.attachmentRefs ?? [] },
      { command: 'RecordPartProgress', problemId, partId, ...r },
    );
  }
}
