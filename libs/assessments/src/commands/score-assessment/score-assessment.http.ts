import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { MarksRequest } from '../../http/marks.request';
import { scoreAssessment } from './score-assessment';

export class ScoreAssessmentRequest extends MarksRequest {
  /** 改分原因（首次评分可省略，再次评分必填） */
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  @NoControlCharacters({ multiline: true })
  reason?: string;
}

@CommandRoutes('assessments 考核', 'api/assessments/:periodId/units/:unitId')
export class ScoreAssessmentHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '考核组评分 (score a unit)', description: '考核组（督导组）在其负责范围内逐项评分；改分须说明原因，每次评分都记录评分人与原因' })
  @ApiRequestExample(ScoreAssessmentRequest, '评分 (score)', { marks: { duty: { points: 34 }, report: { passed: true }, tasks: { items: 2 } } })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('score')
  score(@Command() meta: CommandMeta, @Param() p: PeriodUnitParams, @Body() body: ScoreAssessmentRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(scoreAssessment, { ...p, ...body }, meta));
  }
}
