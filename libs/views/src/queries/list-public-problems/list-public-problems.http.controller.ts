import { NotFoundException } from '@nestjs/common';
import { CampaignParams, STAFF, token } from '@platform/common';
import { CampaignFactsLoader } from '@platform/campaigns';
import { OrganizationDirectory } from '@platform/organizations';
import { READ_STORE, ReadStore } from '@platform/read-models';
import { publicProblem } from '@platform/rectification';
import { LEDGER_PROBLEM_STATES, LEDGER_PROBLEMS, LedgerProblemDoc, LedgerProblemStateDoc } from '../../rectification-tracker/rectification-ledger.documents';
import { ViewMoments } from '../../shared/view-moment';
import { ListPublicProblemsAnswer } from './list-public-problems.response';
import { publicQuery } from '../query-routes';

export const ListPublicProblemsHttpController = publicQuery('ListPublicProblems', 'api/public/campaigns/:campaignId/problems', {
  operation: { summary: '公示：本活动已公示的整改方案与整改结果 (public: published problems)', description: '公示：本活动已公示的整改方案与整改结果（无需登录，不含任何人员姓名）。 A look-back lists the problems it reopened once their new plan is published.' },
  answer: ListPublicProblemsAnswer,
  access: { roles: ['public', ...STAFF], mode: 'read', units: null },
  params: CampaignParams, inject: { moments: ViewMoments, store: token<ReadStore>(READ_STORE), campaigns: CampaignFactsLoader, directory: OrganizationDirectory },
  async handle({ params: p }, { moments, store, campaigns, directory }) {
    const { state } = await campaigns.state(p.campaignId);
    if (!state.launched) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `活动 ${p.campaignId} 不存在 (campaign not found)` });
    await moments.catchUp(['rectification-ledger']);
    const published = await store.find<LedgerProblemDoc>(LEDGER_PROBLEMS, { campaignIds: p.campaignId, published: true });
    const states = await store.find<LedgerProblemStateDoc>(LEDGER_PROBLEM_STATES, { _id: { $in: published.map((d) => d._id) } });
    const tree = await directory.current();
    // A problem belongs to the campaign that registered it and to the look-back whose cycle it is in now.
    const problems = states
      .map((d) => d.state)
      .filter((s) => s.current.campaignId === p.campaignId || s.campaignId === p.campaignId)
      .map((s) => publicProblem(s, tree))
      .filter((v) => v !== null)
      .sort((a, b) => a.problemId.localeCompare(b.problemId));
    return { campaignId: p.campaignId, campaignName: state.name, total: problems.length, problems };
  },
});
