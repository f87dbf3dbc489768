import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CampaignParams, CurrentScope, fromLookup, scopeCovers, STAFF } from '@platform/common';
import { OrganizationDirectory } from '@platform/organizations';
import type { Response } from 'express';
import { CampaignFactsLoader } from '../../campaign-facts';
import { GetCampaignAnswer } from './get-campaign.response';
import { CampaignUnits } from '../../campaign-units';

@ApiTags('campaigns 活动')
@Controller('api/campaigns')
export class GetCampaignHttpController {
  constructor(private readonly campaigns: CampaignFactsLoader, private readonly directory: OrganizationDirectory) {}

  @ApiOperation({ summary: '活动概况 (campaign overview)', description: '活动概况；ETag 为活动流版本号' })
  @ApiOkResponse({ schema: GetCampaignAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @Get(':campaignId')
  async get(@Param() p: CampaignParams, @CurrentScope() scope: ActorScope, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.campaigns.state(p.campaignId);
    if (!state.launched) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `活动 ${p.campaignId} 不存在 (campaign not found)` });
    res.setHeader('ETag', `"${revision}"`);
    const tree = await this.directory.current();
    // Only the enrolled units inside the reader's scope: not even their number leaks beyond it.
    const enrolledUnitIds = Object.keys(state.enrolled).filter((u) => scopeCovers(scope, u, tree.ancestorIds(u)));
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
