import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { UNIT_LEVELS, UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';
import { IsOptionalId } from '@platform/common';

export class ListUnitsRequest {
  /** Only this unit and its descendants */
  @IsOptionalId()
  root?: string;

  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeClosed?: boolean;
}
