import { NotFoundException } from '@nestjs/common';
import { STAFF, StreamCommandRunner } from '@platform/common';
import { assessmentSchemeDecider, assessmentSchemeStreamId, maxScore } from '@platform/domain';
import { SchemeParams } from '../../http/assessment-params';
import { GetAssessmentSchemeAnswer } from './get-assessment-scheme.response';
import { assessmentsQuery } from '../query-routes';

export const GetAssessmentSchemeHttpController = assessmentsQuery('GetAssessmentScheme', 'api/assessment-schemes/:schemeId', {
  operation: { summary: '考核方案现行版本 (an assessment scheme)', description: '考核方案的现行版本：指标、分值、评分方式、等次分数线、考核对象；ETag 为方案流版本号' },
  answer: GetAssessmentSchemeAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  params: SchemeParams, inject: { runner: StreamCommandRunner },
  async handle({ params: p, res }, { runner }) {
    const { state, revision } = await runner.load(assessmentSchemeStreamId(p.schemeId), assessmentSchemeDecider);
    if (!state.current) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '考核方案不存在 (scheme not found)' });
    res.header('ETag', `"${revision}"`);
    return { ...state.current, maxScore: maxScore(state.current.criteria) };
  },
});
