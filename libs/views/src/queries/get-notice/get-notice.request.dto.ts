import { Matches } from 'class-validator';

export class NoticeParams {
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'noticeId 只能包含字母、数字、- 和 _，最长 64 位' })
  noticeId!: string;
}
