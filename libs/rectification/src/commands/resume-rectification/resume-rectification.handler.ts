import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { ResumeRectificationCommand } from './resume-rectification.command';

@CommandHandler(ResumeRectificationCommand)
export class ResumeRectificationHandler implements ICommandHandler<ResumeRectificationCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner) {}

  async execute({ meta, problemId, request: r }: ResumeRectificationCommand): Promise<CommandResult> {
    return this.runner.run(
      problemStreamId(problemId),
      problemDecider,
      meta,
      { type: 'ResumeRectification', ...this.runner.context(meta), note: r.note, deadline: r.deadline ?? null },
      { command: 'ResumeRectification', problemId, ...r },
    );
  }
}
