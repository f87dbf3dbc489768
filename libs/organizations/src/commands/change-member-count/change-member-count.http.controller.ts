import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, fromParams, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { ChangeMemberCountCommand } from './change-member-count.command';
import { ChangeMemberCountRequest } from './change-member-count.request.dto';

@ApiTags('organizations 组织')
@Controller('api/organizations')
export class ChangeMemberCountHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 更新党员数 */
  @ApiOperation({ summary: '更新党员数 (change the member count)' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post(':unitId/member-count')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: UnitParams,
    @Body() body: ChangeMemberCountRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ChangeMemberCountCommand(meta, p.unitId, body)));
  }
}
