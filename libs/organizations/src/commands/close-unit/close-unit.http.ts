import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { OrganizationCommands } from '../../organization-commands';
import { closeUnit } from './close-unit';

export class CloseUnitRequest {
  @IsString()
  @Length(1, 500)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class CloseUnitHttpController {
  constructor(private readonly commands: OrganizationCommands) {}

  /** 撤销组织 */
  @ApiOperation({ summary: '撤销组织 (close a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/close')
  handle(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: CloseUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closeUnit, { unitId: p.unitId, ...body }, meta));
  }
}
