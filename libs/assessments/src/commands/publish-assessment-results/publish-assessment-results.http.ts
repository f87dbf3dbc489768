import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, fromLookup, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { AssessmentPeriodUnits } from '../../assessment-period-units';
import { PeriodParams } from '../../http/assessment-params';
import { publishAssessmentResults } from './publish-assessment-results';

/** Nothing to say but the period: the ranking follows from the scores. */
export class PublishAssessmentResultsRequest {}

@CommandRoutes('assessments 考核', 'api/assessments/:periodId')
export class PublishAssessmentResultsHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '公布考核结果 (publish the results)', description: '全部考核对象评分后，按总分排名（同分同名次）并按等次分数线定等次后公布' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup(AssessmentPeriodUnits, 'periodId') })
  @Post('publication')
  publish(@Command() meta: CommandMeta, @Param() p: PeriodParams, @Body() _body: PublishAssessmentResultsRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(publishAssessmentResults, { periodId: p.periodId }, meta));
  }
}
