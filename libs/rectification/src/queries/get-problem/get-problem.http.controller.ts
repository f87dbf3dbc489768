import { NotFoundException } from '@nestjs/common';
import { STAFF, StreamCommandRunner } from '@platform/common';
import { problemRecordFolding, problemStreamId } from '@platform/domain';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { OfficeCalendar } from '../../office-calendar';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { problemView } from './problem-view';
import { GetProblemAnswer } from './get-problem.response';
import { rectificationQuery } from '../query-routes';

export const GetProblemHttpController = rectificationQuery('GetProblem', 'api/problems/:problemId', {
  operation: { summary: '问题台账详情 (get a problem\'s ledger entry)', description: '问题台账详情：状态、整改方案、进展、验收、暂缓、联动任务、各轮整改、今日预警等级与剩余天数；ETag 为问题流版本号' },
  answer: GetProblemAnswer,
  access: { roles: STAFF, mode: 'read', units: problemUnits, match: 'any' },
  params: ProblemParams, inject: { runner: StreamCommandRunner, facts: RectificationFactsLoader, calendar: OfficeCalendar },
  async handle({ params: p, res }, { runner, facts, calendar }) {
    // The whole record, every note included (the commands' own fold keeps only the notes with files).
    const { state, revision } = await runner.load(problemStreamId(p.problemId), problemRecordFolding);
    if (!state.exists) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `问题 ${p.problemId} 不存在 (problem not found)` });
    res.header('ETag', `"${revision}"`);
    const thresholds = await rectificationFacts.warningThresholds(facts, state.current.campaignId);
    return { ...problemView(state, calendar.today(), thresholds), revision };
  },
});
