import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { approveTransition } from './approve-transition';

export class ApproveTransitionRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @NoControlCharacters({ multiline: true })
  comment?: string;
}

@CommandRoutes('campaign units 参学组织', 'api/campaigns/:campaignId/units/:unitId')
export class ApproveTransitionHttpController extends CampaignCommandController {
  @ApiOperation({ summary: '批准转段 (approve a phase transition)', description: '批准转段（督导组或活动办公室，不能审批本人申请）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications/approve')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: ApproveTransitionRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(approveTransition, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
