import { CommandMeta } from '@platform/common';
import { RecheckProblemRequest } from './recheck-problem.request.dto';

export class RecheckProblemCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: RecheckProblemRequest,
  ) {}
}
