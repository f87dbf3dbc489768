import { CommandMeta } from '@platform/common';
import { ChangePartDeadlineRequest } from './change-part-deadline.request.dto';

export class ChangePartDeadlineCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly partId: string,
    readonly request: ChangePartDeadlineRequest,
  ) {}
}
