import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ApplyForTransitionCommand } from './apply-for-transition.command';
import { ApplyForTransitionRequest } from './apply-for-transition.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class ApplyForTransitionHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '申请转段 (apply for a phase transition)', description: '申请转段（本阶段必做步骤须已全部完成）' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: ApplyForTransitionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ApplyForTransitionCommand(meta, p.campaignId, p.unitId, body)));
  }
}
