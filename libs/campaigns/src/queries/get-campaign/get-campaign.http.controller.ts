import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CampaignParams, fromLookup, STAFF } from '@platform/common';
import type { Response } from 'express';
import { CampaignFactsLoader } from '../../campaign-facts';

@ApiTags('campaigns 活动')
@Controller('api/campaigns')
export class GetCampaignHttpController {
  constructor(private readonly campaigns: CampaignFactsLoader) {}

  /** 活动概况；ETag 为活动流版本号 */
  @Access({ roles: STAFF, mode: 'read', units: fromLookup('campaign', 'campaignId'), match: 'any' })
  @Get(':campaignId')
  async get(@Param() p: CampaignParams, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.campaigns.state(p.campaignId);
    if (!state.launched) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `活动 ${p.campaignId} 不存在 (campaign not found)` });
    res.setHeader('ETag', `"${revision}"`);
    const enrolledUnitIds = Object.keys(state.enrolled);
    return {
      campaignId: state.campaignId,
      name: state.name,
      batch: state.batch,
      parentCampaignId: state.parentCampaignId,
      template: state.template,
      plannedPhases: state.plannedPhases,
      warningThresholds: state.warningThresholds,
      satisfactionThreshold: state.satisfactionThreshold,
      enrolledCount: enrolledUnitIds.length,
      enrolledUnitIds,
    };
  }
}
