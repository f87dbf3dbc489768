import { Matches } from 'class-validator';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MESSAGE = (f: string) => `${f} 只能包含字母、数字、- 和 _，最长 64 位`;

export class UnitParams {
  @Matches(ID, { message: MESSAGE('unitId') })
  unitId!: string;
}

export class CampaignParams {
  @Matches(ID, { message: MESSAGE('campaignId') })
  campaignId!: string;
}

export class CampaignUnitParams {
  @Matches(ID, { message: MESSAGE('campaignId') })
  campaignId!: string;

  @Matches(ID, { message: MESSAGE('unitId') })
  unitId!: string;
}
