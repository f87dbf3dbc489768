import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { RectificationCommandController } from '../../rectification-facts';
import { openSatisfactionRound } from './open-satisfaction-round';

export class OpenSatisfactionRoundRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;
}

@CommandRoutes('satisfaction 满意度测评', 'api/campaigns/:campaignId/units/:unitId/satisfaction')
export class OpenSatisfactionRoundHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '开始一轮满意度测评 (open a satisfaction round)', description: '开始一轮满意度测评（未达标的单位补课后再测）' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('rounds')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: OpenSatisfactionRoundRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(openSatisfactionRound, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
