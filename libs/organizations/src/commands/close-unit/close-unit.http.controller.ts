import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, fromParams, MANAGERS, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { CloseUnitCommand } from './close-unit.command';
import { CloseUnitRequest } from './close-unit.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class CloseUnitHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 撤销组织 */
  @ApiOperation({ summary: '撤销组织 (close a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/close')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UnitParams,
    @Body() body: CloseUnitRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new CloseUnitCommand(meta, p.unitId, body)));
  }
}
