import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { concludeUnit } from './conclude-unit';

export class ConcludeUnitRequest {
  /** 总结 */
  @IsString()
  @Length(1, 10000)
  @NoControlCharacters({ multiline: true })
  summary!: string;

  /** For templates with outcomes (demonstration points: named | eliminated) */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'outcome 须为模板中的结果编码' })
  outcome?: string;
}

@CommandRoutes('campaign units 参学组织', 'api/campaigns/:campaignId/units/:unitId')
export class ConcludeUnitHttpController extends CampaignCommandController {
  @ApiOperation({ summary: '总结 (conclude a unit\'s campaign)', description: '总结（巩固阶段后；示范点创建须选择命名或淘汰）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('conclusion')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: ConcludeUnitRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(concludeUnit, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
