import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { rejectTransition } from './reject-transition';

export class RejectTransitionRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  /** 退回理由 */
  @IsString()
  @Length(1, 2000)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@CommandRoutes('campaign units 参学组织', 'api/campaigns/:campaignId/units/:unitId')
export class RejectTransitionHttpController extends CampaignCommandController {
  @ApiOperation({ summary: '退回转段申请 (reject a phase transition)', description: '退回转段申请（须说明理由）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications/reject')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: RejectTransitionRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(rejectTransition, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
