import { NotFoundException } from '@nestjs/common';
import { CampaignParams, fromLookup, scopeCovers, STAFF } from '@platform/common';
import { OrganizationDirectory } from '@platform/organizations';
import { CampaignFactsLoader } from '../../campaign-facts';
import { GetCampaignAnswer } from './get-campaign.response';
import { CampaignUnits } from '../../campaign-units';
import { campaignsQuery } from '../query-routes';

export const GetCampaignHttpController = campaignsQuery('GetCampaign', 'api/campaigns/:campaignId', {
  operation: { summary: '活动概况 (campaign overview)', description: '活动概况；ETag 为活动流版本号' },
  answer: GetCampaignAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  params: CampaignParams, inject: { campaigns: CampaignFactsLoader, directory: OrganizationDirectory },
  async handle({ params: p, scope, res }, { campaigns, directory }) {
    const { state, revision } = await campaigns.state(p.campaignId);
    if (!state.launched) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `活动 ${p.campaignId} 不存在 (campaign not found)` });
    res.header('ETag', `"${revision}"`);
    const tree = await directory.current();
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
  },
});
