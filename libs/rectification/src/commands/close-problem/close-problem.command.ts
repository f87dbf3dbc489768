import { CommandMeta } from '@platform/common';
import { CloseProblemRequest } from './close-problem.request.dto';

export class CloseProblemCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: CloseProblemRequest,
  ) {}
}
