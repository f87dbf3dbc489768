import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, STAFF, StreamCommandRunner } from '@platform/common';
import { problemDecider, problemStreamId } from '@platform/domain';
import type { Response } from 'express';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { OfficeCalendar } from '../../office-calendar';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { problemView } from './problem-view';
import { GetProblemAnswer } from './get-problem.response';

@ApiTags('rectification 整改台账')
@Controller('api/problems')
export class GetProblemHttpController {
  constructor(
    private readonly runner: StreamCommandRunner,
    private readonly facts: RectificationFactsLoader,
    private readonly calendar: OfficeCalendar,
  ) {}

  @ApiOperation({ summary: '问题台账详情 (get a problem\'s ledger entry)', description: '问题台账详情：状态、整改方案、进展、验收、暂缓、联动任务、各轮整改、今日预警等级与剩余天数；ETag 为问题流版本号' })
  @ApiOkResponse({ schema: GetProblemAnswer })
  @Access({ roles: STAFF, mode: 'read', units: problemUnits, match: 'any' })
  @Get(':problemId')
  async get(@Param() p: ProblemParams, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.runner.load(problemStreamId(p.problemId), problemDecider);
    if (!state.exists) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `问题 ${p.problemId} 不存在 (problem not found)` });
    res.setHeader('ETag', `"${revision}"`);
    const thresholds = await rectificationFacts.warningThresholds(this.facts, state.current.campaignId);
    return { ...problemView(state, this.calendar.today(), thresholds), revision };
  }
}
