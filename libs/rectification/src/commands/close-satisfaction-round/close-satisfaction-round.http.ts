import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { RectificationCommandController } from '../../rectification-facts';
import { closeSatisfactionRound } from './close-satisfaction-round';

export class CloseSatisfactionRoundRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;
}

@CommandRoutes('satisfaction 满意度测评', 'api/campaigns/:campaignId/units/:unitId/satisfaction')
export class CloseSatisfactionRoundHttpController extends RectificationCommandController {
  /** 结束本轮测评，按活动的满意率门槛判定达标或补课 */
  @ApiOperation({ summary: '结束本轮测评，按活动的满意率门槛判定达标或补课 (close a satisfaction round)' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('close')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: CloseSatisfactionRoundRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(closeSatisfactionRound, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
