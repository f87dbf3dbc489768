import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeadlineWarningCheck, WarningCheckReport } from '../../warnings/deadline-warning-check';
import { RunWarningCheckCommand } from './run-warning-check.command';

@CommandHandler(RunWarningCheckCommand)
export class RunWarningCheckHandler implements ICommandHandler<RunWarningCheckCommand, WarningCheckReport> {
  constructor(private readonly check: DeadlineWarningCheck) {}

  execute({ meta }: RunWarningCheckCommand): Promise<WarningCheckReport> {
    return this.check.run(meta);
  }
}
