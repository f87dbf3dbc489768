import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { OrganizationCommandController } from '../../organization-commands';
import { renameUnit } from './rename-unit';

export class RenameUnitRequest {
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  name!: string;
}

@CommandRoutes('organizations 组织', 'api/organizations')
export class RenameUnitHttpController extends OrganizationCommandController {
  /** 组织更名 */
  @ApiOperation({ summary: '组织更名 (rename a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/rename')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: RenameUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(renameUnit, { unitId: p.unitId, ...body }, meta));
  }
}
