import { NotFoundException } from '@nestjs/common';
import { CampaignUnitParams, fromParams, STAFF, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { satisfactionView } from '../satisfaction-view';
import { GetSatisfactionAnswer } from './get-satisfaction.response';
import { satisfactionQuery } from '../query-routes';

export const GetSatisfactionHttpController = satisfactionQuery('GetSatisfaction', 'api/campaigns/:campaignId/units/:unitId/satisfaction', {
  operation: { summary: '满意度测评情况 (satisfaction evaluation)', description: '满意度测评情况：各轮计票、满意率、是否达标或须补课；ETag 为测评流版本号' },
  answer: GetSatisfactionAnswer,
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  params: CampaignUnitParams, inject: { runner: StreamCommandRunner, facts: RectificationFactsLoader },
  async handle({ params: p, res }, { runner, facts }) {
    const campaign = await rectificationFacts.satisfaction(facts, p.campaignId, p.unitId);
    if (!campaign.launched || !campaign.enrolled) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '该组织未参加此活动 (unit not enrolled)' });
    }
    const { state, revision } = await runner.load(satisfactionStreamId(p.campaignId, p.unitId), satisfactionDecider);
    res.setHeader('ETag', `"${revision}"`);
    return { ...satisfactionView(p.campaignId, p.unitId, campaign.satisfactionThreshold, state), revision };
  },
});
