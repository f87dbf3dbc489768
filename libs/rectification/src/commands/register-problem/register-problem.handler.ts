import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import { RectificationFactsLoader } from '../../rectification-facts';
import { RegisterProblemCommand } from './register-problem.command';

@CommandHandler(RegisterProblemCommand)
export class RegisterProblemHandler implements ICommandHandler<RegisterProblemCommand, CommandResult> {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  async execute({ meta, request: r }: RegisterProblemCommand): Promise<CommandResult> {
    const { campaign, responsibleUnit } = await this.facts.registration(r.campaignId, r.responsibleUnitId);
    const person = (p: { name: string; userId?: string }) => ({ name: p.name, userId: p.userId ?? null });
    return this.runner.run(
      problemStreamId(r.problemId),
      problemDecider,
      meta,
      {
        type: 'RegisterProblem',
        ...this.runner.context(meta, r.occurredAt),
        problemId: r.problemId,
        campaign,
        responsibleUnit,
        source: r.source,
        category: r.category,
        description: r.description,
        people: { responsibleLeader: person(r.responsibleLeader), handler: person(r.handler) },
        discoveredAt: r.discoveredAt,
      },
      { command: 'RegisterProblem', ...r },
    );
  }
}
