import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { OrganizationCommandController } from '../../organization-commands';
import { closeUnit } from './close-unit';

export class CloseUnitRequest {
  @IsString()
  @Length(1, 500)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@CommandRoutes('organizations 组织', 'api/organizations')
export class CloseUnitHttpController extends OrganizationCommandController {
  /** 撤销组织 */
  @ApiOperation({ summary: '撤销组织 (close a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/close')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: CloseUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closeUnit, { unitId: p.unitId, ...body }, meta));
  }
}
