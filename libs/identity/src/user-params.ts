import { Matches } from 'class-validator';

export class UserParams {
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'userId 只能包含字母、数字、- 和 _，最长 64 位' })
  userId!: string;
}
