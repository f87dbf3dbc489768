import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { fromBody, IsLine, MANAGERS } from '@platform/common';
import { UNIT_ID_PATTERN, UNIT_LEVELS, UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';
import { organizationsEdge } from '../../organization-commands';
import { createUnit } from './create-unit';

export class CreateUnitRequest {
  /** Organization code, e.g. 430702-001 */
  @Matches(UNIT_ID_PATTERN, { message: 'unitId 只能包含字母、数字、- 和 _，最长 64 位' })
  unitId!: string;

  /** 名称 */
  @IsLine(100)
  name!: string;

  @IsIn(UNIT_LEVELS)
  level!: UnitLevel;

  @IsIn(UNIT_TYPES)
  unitType!: UnitType;

  /** Parent unit; omitted for a city, and for the first unit of a deployment (a county running its own platform) */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'parentId 只能包含字母、数字、- 和 _，最长 64 位' })
  parentId?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  memberCount?: number;
}

/** 新建组织 */
export const CreateUnitHttpController = organizationsEdge(createUnit, 'api/organizations', {
  operation: { summary: '新建组织 (create a unit)' },
  example: { summary: '新建区县党委 (a county committee)', value: { unitId: '430702', name: '武陵区委', level: 'county', unitType: 'agency', parentId: '430700' } },
  access: { roles: MANAGERS, mode: 'write', units: fromBody('parentId') },
  body: CreateUnitRequest, input: (_p, body) => (body),
});
