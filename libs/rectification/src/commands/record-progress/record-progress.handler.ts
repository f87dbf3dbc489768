import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RecordProgressCommand } from './record-progress.command';

@CommandHandler(RecordProgressCommand)
export class RecordProgressHandler implements ICommandHandler<RecordProgressCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: RecordProgressCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'RecordProgress', ...this.runner.context(meta, r.occurredAt), note: r.note, attachmentRefs: r.attachmentRefs ?? [] },
      { command: 'RecordProgress', problemId, ...r },
    );
  }
}
