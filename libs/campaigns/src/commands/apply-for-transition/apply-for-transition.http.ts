import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { applyForTransition } from './apply-for-transition';

export class ApplyForTransitionRequest {
  /** The phase the unit wants to leave */
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @NoControlCharacters({ multiline: true })
  note?: string;
}

@CommandRoutes('campaign units 参学组织', 'api/campaigns/:campaignId/units/:unitId')
export class ApplyForTransitionHttpController extends CampaignCommandController {
  @ApiOperation({ summary: '申请转段 (apply for a phase transition)', description: '申请转段（本阶段必做步骤须已全部完成）' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: ApplyForTransitionRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(applyForTransition, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
