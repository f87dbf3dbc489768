import { NotFoundException } from '@nestjs/common';
import { STAFF } from '@platform/common';
import { OrganizationDirectory } from '@platform/organizations';
import { ProblemParams } from '../../http/problem-params';
import { ProblemStates } from '../../problem-states';
import { publicProblem } from '../public-problem-view';
import { GetPublicProblemAnswer } from './get-public-problem.response';
import { publicQuery } from '../query-routes';

export const GetPublicProblemHttpController = publicQuery('GetPublicProblem', 'api/public/problems/:problemId', {
  operation: { summary: '公示：一个问题的整改方案与结果 (public: a published problem)', description: '公示：一个问题的整改方案与结果（无需登录）；未公示的问题与不存在的问题一样答 404' },
  answer: GetPublicProblemAnswer,
  access: { roles: ['public', ...STAFF], mode: 'read', units: null },
  params: ProblemParams, inject: { problems: ProblemStates, directory: OrganizationDirectory },
  async handle({ params: p }, { problems, directory }) {
    const state = await problems.get(p.problemId);
    const view = state ? publicProblem(state, await directory.current()) : null;
    if (!view) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `问题 ${p.problemId} 未公示 (not published)` });
    return view;
  },
});
