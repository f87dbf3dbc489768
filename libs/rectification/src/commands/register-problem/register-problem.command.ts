import { CommandMeta } from '@platform/common';
import { RegisterProblemRequest } from './register-problem.request.dto';

export class RegisterProblemCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly request: RegisterProblemRequest,
  ) {}
}
