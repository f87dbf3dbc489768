import { IsId } from '@platform/common';

export class UnitMemberParams {
  @IsId()
  unitId!: string;

  @IsId()
  memberId!: string;
}
