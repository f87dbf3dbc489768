import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { OrganizationCommands } from '../../organization-commands';
import { renameUnit } from './rename-unit';

export class RenameUnitRequest {
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  name!: string;
}

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class RenameUnitHttpController {
  constructor(private readonly commands: OrganizationCommands) {}

  /** 组织更名 */
  @ApiOperation({ summary: '组织更名 (rename a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/rename')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: RenameUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(renameUnit, { unitId: p.unitId, ...body }, meta));
  }
}
