import { NotFoundException } from '@nestjs/common';
import { CampaignUnitParams, STAFF, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { publicSatisfactionView } from '../satisfaction-view';
import { GetPublicSatisfactionAnswer } from './get-public-satisfaction.response';
import { publicQuery } from '../query-routes';

export const GetPublicSatisfactionHttpController = publicQuery('GetPublicSatisfaction', 'api/public/campaigns/:campaignId/units/:unitId/satisfaction', {
  operation: { summary: '公示：满意度测评结果，以及正在接受投票的轮次 (public: satisfaction results)', description: '公示：满意度测评结果，以及正在接受投票的轮次（无需登录）' },
  answer: GetPublicSatisfactionAnswer,
  access: { roles: ['public', ...STAFF], mode: 'read', units: null },
  params: CampaignUnitParams, inject: { runner: StreamCommandRunner, facts: RectificationFactsLoader },
  async handle({ params: p }, { runner, facts }) {
    const campaign = await rectificationFacts.satisfaction(facts, p.campaignId, p.unitId);
    if (!campaign.launched || !campaign.enrolled) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '该组织未参加此活动 (unit not enrolled)' });
    }
    const { state } = await runner.load(satisfactionStreamId(p.campaignId, p.unitId), satisfactionDecider);
    return publicSatisfactionView(p.campaignId, p.unitId, campaign.satisfactionThreshold, state);
  },
});
