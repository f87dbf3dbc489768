import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsId, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { PeriodUnitParams } from '../../http/assessment-params';
import { lodgeAssessmentAppeal } from './lodge-assessment-appeal';

export class LodgeAssessmentAppealRequest {
  @IsId()
  appealId!: string;

  /** 申诉理由 */
  @IsString()
  @Length(1, 5000)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@CommandRoutes('assessments 考核', 'api/assessments/:periodId/units/:unitId')
export class LodgeAssessmentAppealHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '对考核结果申诉 (appeal a published result)', description: '结果公布后，本单位联络员可对本单位结果申诉；同一时间只能有一项申诉在处理' })
  @ApiRequestExample(LodgeAssessmentAppealRequest, '申诉 (appeal)', { appealId: 'appeal-1', reason: '重点任务已于 11 月完成，佐证材料见附件' })
  @Access({ roles: ['operator'], mode: 'write', units: fromParams('unitId') })
  @Post('appeals')
  lodge(@Command() meta: CommandMeta, @Param() p: PeriodUnitParams, @Body() body: LodgeAssessmentAppealRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(lodgeAssessmentAppeal, { ...p, ...body }, meta));
  }
}
