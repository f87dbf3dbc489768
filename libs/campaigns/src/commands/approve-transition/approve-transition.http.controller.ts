import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { ApproveTransitionCommand } from './approve-transition.command';
import { ApproveTransitionRequest } from './approve-transition.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class ApproveTransitionHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '批准转段 (approve a phase transition)', description: '批准转段（督导组或活动办公室，不能审批本人申请）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications/approve')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: ApproveTransitionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ApproveTransitionCommand(meta, p.campaignId, p.unitId, body)));
  }
}
