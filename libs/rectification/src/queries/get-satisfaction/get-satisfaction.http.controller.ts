import { CampaignUnitParams, fromParams, STAFF, StreamCommandRunner } from '@platform/common';
import { RectificationFactsLoader } from '../../rectification-facts';
import { enrolledSatisfaction } from '../enrolled-satisfaction';
import { satisfactionView } from '../satisfaction-view';
import { GetSatisfactionAnswer } from './get-satisfaction.response';
import { satisfactionQuery } from '../query-routes';

export const GetSatisfactionHttpController = satisfactionQuery('GetSatisfaction', 'api/campaigns/:campaignId/units/:unitId/satisfaction', {
  operation: { summary: '满意度测评情况 (satisfaction evaluation)', description: '满意度测评情况：各轮计票、满意率、是否达标或须补课；ETag 为测评流版本号' },
  answer: GetSatisfactionAnswer,
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  params: CampaignUnitParams, inject: { runner: StreamCommandRunner, facts: RectificationFactsLoader },
  async handle({ params: p, res }, { runner, facts }) {
    const { threshold, state, revision } = await enrolledSatisfaction(facts, runner, p.campaignId, p.unitId);
    res.header('ETag', `"${revision}"`);
    return { ...satisfactionView(p.campaignId, p.unitId, threshold, state), revision };
  },
});
