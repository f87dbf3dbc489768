import { CommandMeta } from '@platform/common';
import { PublishNoticeRequest } from './publish-notice.request.dto';

export class PublishNoticeCommand {
  constructor(readonly meta: CommandMeta, readonly campaignId: string, readonly request: PublishNoticeRequest) {}
}
