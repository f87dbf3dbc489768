import { applyDecorators } from '@nestjs/common';
import { IsOptional, Matches, ValidationArguments, ValidationOptions } from 'class-validator';
import { UNIT_ID_PATTERN } from '@platform/domain';

/** Every id in a path or body (units, campaigns, problems, users, notices) follows the unit id rule. */
export const IsId = (options: ValidationOptions = {}) =>
  Matches(UNIT_ID_PATTERN, { ...options, message: (a: ValidationArguments) => `${a.property} 只能包含字母、数字、- 和 _，最长 64 位` });

/** An optional id in a query or a body (a subtree root, a filter); its message, unlike IsId's, names no length. Listed in stacking order, as IsLine. */
export const IsOptionalId = () =>
  applyDecorators(Matches(UNIT_ID_PATTERN, { message: (a: ValidationArguments) => `${a.property} 只能包含字母、数字、- 和 _` }), IsOptional());

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
