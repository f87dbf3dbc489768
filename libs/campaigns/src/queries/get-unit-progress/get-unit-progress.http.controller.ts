import { CampaignUnitParams, fromParams, STAFF, StreamCommandRunner, unitNotEnrolled } from '@platform/common';
import { progressStreamId, unitProgressDecider } from '@platform/domain';
import { CampaignFactsLoader } from '../../campaign-facts';
import { GetUnitProgressAnswer } from './get-unit-progress.response';
import { campaignUnitsQuery } from '../query-routes';

export const GetUnitProgressHttpController = campaignUnitsQuery('GetUnitProgress', 'api/campaigns/:campaignId/units/:unitId', {
  operation: { summary: '单个组织在活动中的进度 (a unit\'s progress in a campaign)', description: '单个组织在活动中的进度：当前阶段、步骤完成情况、转段状态、参学情况；ETag 为进度流版本号' },
  answer: GetUnitProgressAnswer,
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  params: CampaignUnitParams, inject: { campaigns: CampaignFactsLoader, runner: StreamCommandRunner },
  async handle({ params: p, res }, { campaigns, runner }) {
    const facts = await campaigns.forUnit(p.campaignId, p.unitId);
    if (!facts.launched || !facts.enrolled || !facts.template) throw unitNotEnrolled();
    const t = facts.template;
    const { state, revision } = await runner.load(progressStreamId(p.campaignId, p.unitId), unitProgressDecider);
    res.header('ETag', `"${revision}"`);
    const phase = state.stage === 'in_phase' ? t.phases[state.phaseIndex] : null;
    const done = phase ? (state.steps[phase.key] ?? {}) : {};
    return {
      campaignId: p.campaignId,
      unitId: p.unitId,
      stage: state.stage,
      currentPhase: phase ? { key: phase.key, name: phase.name } : null,
      steps: phase
        ? phase.steps.map((s) => ({ key: s.key, name: s.name, required: s.required, done: Boolean(done[s.key]), record: done[s.key] ?? null }))
        : [],
      requiredDone: phase ? phase.steps.filter((s) => s.required && done[s.key]).length : null,
      requiredTotal: phase ? phase.steps.filter((s) => s.required).length : null,
      transition: state.transition,
      participation: state.participation,
      outcome: state.outcome,
      stepsByPhase: state.steps,
    };
  },
});
