import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, STAFF, StreamCommandRunner } from '@platform/common';
import { assessmentSchemeDecider, assessmentSchemeStreamId, maxScore } from '@platform/domain';
import type { Response } from 'express';
import { SchemeParams } from '../../http/assessment-params';
import { GetAssessmentSchemeAnswer } from './get-assessment-scheme.response';

@ApiTags('assessments 考核')
@Controller('api/assessment-schemes/:schemeId')
export class GetAssessmentSchemeHttpController {
  constructor(private readonly runner: StreamCommandRunner) {}

  @ApiOperation({ summary: '考核方案现行版本 (an assessment scheme)', description: '考核方案的现行版本：指标、分值、评分方式、等次分数线、考核对象；ETag 为方案流版本号' })
  @ApiOkResponse({ schema: GetAssessmentSchemeAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async get(@Param() p: SchemeParams, @Res({ passthrough: true }) res: Response) {
    const { state, revision } = await this.runner.load(assessmentSchemeStreamId(p.schemeId), assessmentSchemeDecider);
    if (!state.current) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '考核方案不存在 (scheme not found)' });
    res.setHeader('ETag', `"${revision}"`);
    return { ...state.current, maxScore: maxScore(state.current.criteria) };
  }
}
