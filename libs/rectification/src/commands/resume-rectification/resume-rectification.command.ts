import { CommandMeta } from '@platform/common';
import { ResumeRectificationRequest } from './resume-rectification.request.dto';

export class ResumeRectificationCommand {
  constructor(
    readonly meta: CommandMeta,
    readonly problemId: string,
    readonly request: ResumeRectificationRequest,
  ) {}
}
