import { Matches, ValidationArguments, ValidationOptions } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

/** Every id in a path or body (units, campaigns, problems, users, notices) follows the unit id rule. */
export const IsId = (options: ValidationOptions = {}) =>
  Matches(UNIT_ID_PATTERN, { ...options, message: (a: ValidationArguments) => `${a.property} 只能包含字母、数字、- 和 _，最长 64 位` });

export class UnitParams {
  @IsId()
  unitId!: string;
}

export class CampaignParams {
  @IsId()
  campaignId!: string;
}

export class CampaignUnitParams {
  @IsId()
  campaignId!: string;

  @IsId()
  unitId!: string;
}
