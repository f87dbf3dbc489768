import { CommandMeta } from '@platform/common';
import { RecordPartProgressRequest } from './record-part-progress.request.dto';

export class RecordPartProgressCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly partId: string,
    readonly request: RecordPartProgressRequest,
  ) {}
}
