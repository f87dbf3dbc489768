import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { OrganizationCommandController } from '../../organization-commands';
import { changeMemberCount } from './change-member-count';

export class ChangeMemberCountRequest {
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  memberCount!: number;
}

@CommandRoutes('organizations 组织', 'api/organizations')
export class ChangeMemberCountHttpController extends OrganizationCommandController {
  /** 更新党员数 */
  @ApiOperation({ summary: '更新党员数 (change the member count)' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/member-count')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: ChangeMemberCountRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(changeMemberCount, { unitId: p.unitId, ...body }, meta));
  }
}
