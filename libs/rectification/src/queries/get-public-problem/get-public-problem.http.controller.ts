import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '@platform/common';
import { OrganizationDirectory } from '@platform/organizations';
import { ProblemParams } from '../../http/problem-params';
import { ProblemStates } from '../../problem-states';
import { publicProblem } from '../public-problem-view';
import { GetPublicProblemAnswer } from './get-public-problem.response';

@ApiTags('public 公示')
@Controller('api/public/problems')
export class GetPublicProblemHttpController {
  constructor(private readonly problems: ProblemStates, private readonly directory: OrganizationDirectory) {}

  @ApiOperation({ summary: '公示：一个问题的整改方案与结果 (public: a published problem)', description: '公示：一个问题的整改方案与结果（无需登录）；未公示的问题与不存在的问题一样答 404' })
  @ApiOkResponse({ schema: GetPublicProblemAnswer })
  @Access({ roles: ['public', ...STAFF], mode: 'read', units: null })
  @Get(':problemId')
  async get(@Param() p: ProblemParams) {
    const state = await this.problems.get(p.problemId);
    const view = state ? publicProblem(state, await this.directory.current()) : null;
    if (!view) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `问题 ${p.problemId} 未公示 (not published)` });
    return view;
  }
}
