import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { UNIT_ID_PATTERN, UNIT_LEVELS, UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';

export class ListUnitsRequest {
  /** Only this unit and its descendants */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
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
