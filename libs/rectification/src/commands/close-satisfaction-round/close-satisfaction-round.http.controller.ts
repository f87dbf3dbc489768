import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { CloseSatisfactionRoundCommand } from './close-satisfaction-round.command';
import { CloseSatisfactionRoundRequest } from './close-satisfaction-round.request.dto';

@ApiTags('satisfaction 满意度测评')
@Controller('api/campaigns/:campaignId/units/:unitId/satisfaction')
export class CloseSatisfactionRoundHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 结束本轮测评，按活动的满意率门槛判定达标或补课 */
  @ApiOperation({ summary: '结束本轮测评，按活动的满意率门槛判定达标或补课 (close a satisfaction round)' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('close')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: CloseSatisfactionRoundRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new CloseSatisfactionRoundCommand(meta, p.campaignId, p.unitId, body)));
  }
}
