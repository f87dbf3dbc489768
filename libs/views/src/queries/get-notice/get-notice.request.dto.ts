import { IsId } from '@platform/common';

export class NoticeParams {
  @IsId()
  noticeId!: string;
}
