import { Body, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromBody, MANAGERS, NoControlCharacters, respond } from '@platform/common';
import { UNIT_ID_PATTERN, UNIT_LEVELS, UNIT_TYPES, UnitLevel, UnitType } from '@platform/domain';
import type { Response } from 'express';
import { OrganizationCommandController } from '../../organization-commands';
import { createUnit } from './create-unit';

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

@CommandRoutes('organizations 组织', 'api/organizations')
export class CreateUnitHttpController extends OrganizationCommandController {
  /** 新建组织 */
  @ApiOperation({ summary: '新建组织 (create a unit)' })
  @ApiRequestExample(CreateUnitRequest, '新建区县党委 (a county committee)', { unitId: '430702', name: '武陵区委', level: 'county', unitType: 'agency', parentId: '430700' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromBody('parentId') })
  @Post()
  create(@Command() meta: CommandMeta, @Body() body: CreateUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(createUnit, body, meta));
  }
}
