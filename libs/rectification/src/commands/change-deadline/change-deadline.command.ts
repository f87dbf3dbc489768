import { CommandMeta } from '@platform/common';
import { ChangeDeadlineRequest } from './change-deadline.request.dto';

export class ChangeDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: ChangeDeadlineRequest,
  ) {}
}
