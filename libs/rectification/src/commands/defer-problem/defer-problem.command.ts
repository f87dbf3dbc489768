import { CommandMeta } from '@platform/common';
import { DeferProblemRequest } from './defer-problem.request.dto';

export class DeferProblemCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: DeferProblemRequest,
  ) {}
}
