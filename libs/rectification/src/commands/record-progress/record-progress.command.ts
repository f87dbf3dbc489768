import { CommandMeta } from '@platform/common';
import { RecordProgressRequest } from './record-progress.request.dto';

export class RecordProgressCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: RecordProgressRequest,
  ) {}
}
