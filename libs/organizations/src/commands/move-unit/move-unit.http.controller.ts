import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, allOf, Command, CommandMeta, CommandResult, fromBody, fromParams, MANAGERS, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { MoveUnitCommand } from './move-unit.command';
import { MoveUnitRequest } from './move-unit.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class MoveUnitHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 调整隶属关系 */
  @ApiOperation({ summary: '调整隶属关系 (move a unit)' })
  @Access({ roles: MANAGERS, mode: 'write', units: allOf(fromParams('unitId'), fromBody('parentId')) })
  @Post(':unitId/move')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UnitParams,
    @Body() body: MoveUnitRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new MoveUnitCommand(meta, p.unitId, body)));
  }
}
