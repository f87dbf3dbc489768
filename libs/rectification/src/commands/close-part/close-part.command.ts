import { CommandMeta } from '@platform/common';
import { ClosePartRequest } from './close-part.request.dto';

export class ClosePartCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly partId: string,
    readonly request: ClosePartRequest,
  ) {}
}
