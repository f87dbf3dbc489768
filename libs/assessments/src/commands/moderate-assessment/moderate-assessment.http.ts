import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsId, MANAGERS, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { IsMark } from '../../http/marks.request';
import { moderateAssessment } from './moderate-assessment';

export class ModerateAssessmentRequest {
  @IsId()
  criterionId!: string;

  /** 调整后的评分 */
  @IsMark()
  mark!: object;

  /** 调整原因 */
  @IsString()
  @Length(1, 5000)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@CommandRoutes('assessments 考核', 'api/assessments/:periodId/units/:unitId')
export class ModerateAssessmentHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '办公室审核调整一项得分 (moderate one criterion)', description: '活动办公室审核时调整某项指标的得分，须说明原因；公布后只能通过申诉更正' })
  @ApiRequestExample(ModerateAssessmentRequest, '调整 (moderate)', { criterionId: 'duty', mark: { points: 38 }, reason: '述职材料补充后复核' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post('moderation')
  moderate(@Command() meta: CommandMeta, @Param() p: PeriodUnitParams, @Body() body: ModerateAssessmentRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(moderateAssessment, { ...p, ...body }, meta));
  }
}
