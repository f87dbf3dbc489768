import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { MarksRequest } from '../../http/marks.request';
import { submitSelfAssessment } from './submit-self-assessment';

export class SubmitSelfAssessmentRequest extends MarksRequest {
  /** 自评说明 */
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  @NoControlCharacters({ multiline: true })
  note?: string;
}

@CommandRoutes('assessments 考核', 'api/assessments/:periodId/units/:unitId')
export class SubmitSelfAssessmentHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '单位自评 (self-assessment by the unit)', description: '本单位联络员按考核方案逐项自评；考核组评分后不能再改' })
  @ApiRequestExample(SubmitSelfAssessmentRequest, '自评 (self-assessment)', { marks: { duty: { points: 36 }, report: { passed: true }, tasks: { items: 1 } }, note: '述职报告已报送' })
  @Access({ roles: ['operator'], mode: 'write', units: fromParams('unitId') })
  @Post('self-assessment')
  submit(@Command() meta: CommandMeta, @Param() p: PeriodUnitParams, @Body() body: SubmitSelfAssessmentRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(submitSelfAssessment, { ...p, ...body }, meta));
  }
}
