import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Access, allOf, Command, CommandMeta, CommandResult, CommandRoutes, fromBody, fromParams, MANAGERS, respond, UnitParams } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import type { Response } from 'express';
import { OrganizationCommandController } from '../../organization-commands';
import { moveUnit } from './move-unit';

export class MoveUnitRequest {
  @Matches(UNIT_ID_PATTERN, { message: 'parentId 只能包含字母、数字、- 和 _，最长 64 位' })
  parentId!: string;
}

@CommandRoutes('organizations 组织', 'api/organizations')
export class MoveUnitHttpController extends OrganizationCommandController {
  /** 调整隶属关系 */
  @ApiOperation({ summary: '调整隶属关系 (move a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: allOf(fromParams('unitId'), fromBody('parentId')) })
  @Post(':unitId/move')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: MoveUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(moveUnit, { unitId: p.unitId, ...body }, meta));
  }
}
