import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, fromParams, MANAGERS, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { RenameUnitCommand } from './rename-unit.command';
import { RenameUnitRequest } from './rename-unit.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class RenameUnitHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 组织更名 */
  @ApiOperation({ summary: '组织更名 (rename a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/rename')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UnitParams,
    @Body() body: RenameUnitRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RenameUnitCommand(meta, p.unitId, body)));
  }
}
