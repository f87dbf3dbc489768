import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { OpenSatisfactionRoundCommand } from './open-satisfaction-round.command';
import { OpenSatisfactionRoundRequest } from './open-satisfaction-round.request.dto';

@ApiTags('satisfaction 满意度测评')
@Controller('api/campaigns/:campaignId/units/:unitId/satisfaction')
export class OpenSatisfactionRoundHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '开始一轮满意度测评 (open a satisfaction round)', description: '开始一轮满意度测评（未达标的单位补课后再测）' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('rounds')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: OpenSatisfactionRoundRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new OpenSatisfactionRoundCommand(meta, p.campaignId, p.unitId, body)));
  }
}
