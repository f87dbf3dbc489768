import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { NoControlCharacters } from '@platform/common';
import { UNIT_ID_PATTERN, UNIT_LEVELS, UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';

export class CreateUnitRequest {
  /** Organization code, e.g. 430702-001 */
  @Matches(UNIT_ID_PATTERN, { message: 'unitId 只能包含字母、数字、- 和 _，最长 64 位' })
  unitId!: string;

  /** 名称 */
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  name!: string;

  @IsIn(UNIT_LEVELS)
  level!: UnitLevel;

  @IsIn(UNIT_TYPES)
  unitType!: UnitType;

  /** Parent unit; omitted only for the city */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'parentId 只能包含字母、数字、- 和 _，最长 64 位' })
  parentId?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  memberCount?: number;
}
