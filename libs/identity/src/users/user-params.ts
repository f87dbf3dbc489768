import { IsId } from '@platform/common';

export class UserParams {
  @IsId()
  userId!: string;
}
