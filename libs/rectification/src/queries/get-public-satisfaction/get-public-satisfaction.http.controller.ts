import { CampaignUnitParams, STAFF, StreamCommandRunner } from '@platform/common';
import { RectificationFactsLoader } from '../../rectification-facts';
import { enrolledSatisfaction } from '../enrolled-satisfaction';
import { publicSatisfactionView } from '../satisfaction-view';
import { GetPublicSatisfactionAnswer } from './get-public-satisfaction.response';
import { publicQuery } from '../query-routes';

export const GetPublicSatisfactionHttpController = publicQuery('GetPublicSatisfaction', 'api/public/campaigns/:campaignId/units/:unitId/satisfaction', {
  operation: { summary: '公示：满意度测评结果，以及正在接受投票的轮次 (public: satisfaction results)', description: '公示：满意度测评结果，以及正在接受投票的轮次（无需登录）' },
  answer: GetPublicSatisfactionAnswer,
  access: { roles: ['public', ...STAFF], mode: 'read', units: null },
  params: CampaignUnitParams, inject: { runner: StreamCommandRunner, facts: RectificationFactsLoader },
  async handle({ params: p }, { runner, facts }) {
    const { threshold, state } = await enrolledSatisfaction(facts, runner, p.campaignId, p.unitId);
    // The masses know the unit by its name, not by its code.
    const unitName = (await facts.tree()).get(p.unitId)?.name ?? p.unitId;
    return { ...publicSatisfactionView(p.campaignId, p.unitId, threshold, state), unitName };
  },
});
