import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { badRequest, fromParams, IsOptionalText, MaxDecimalPlaces, REVIEWERS, UnitParams } from '@platform/common';
import { demonstrationPointsEdge } from '../../assessment-commands';
import { IsPeriodId } from '../../http/assessment-params';
import { assessDemonstrationPoint } from './assess-demonstration-point';

export class AssessDemonstrationPointRequest {
  /** 考评年度 */
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /** 按创建标准开展的那期考核：得分与是否合格取其公布结果（最低等次为不合格） */
  @IsOptional()
  @IsPeriodId()
  periodId?: string;

  /** 是否合格（未引用考核期时必填） */
  @ValidateIf((o: AssessDemonstrationPointRequest) => o.periodId === undefined || o.passed !== undefined)
  @IsBoolean({ message: 'passed 须为 true 或 false；未给出 periodId 时必填 (required without periodId)' })
  passed?: boolean;

  /** 得分（未引用考核期时可填） */
  @IsOptional()
  @IsNumber()
  @MaxDecimalPlaces(1)
  @Min(0)
  @Max(100_000)
  score?: number;

  /** 考评意见（不合格时必填） */
  @IsOptionalText(5000)
  note?: string;

  /** 进入全面建设提高阶段后年检年审周期：1 或 2 年 */
  @IsOptional()
  @IsIn([1, 2], { message: 'reviewEveryYears 须为 1 或 2' })
  reviewEveryYears?: number;
}

export const AssessDemonstrationPointHttpController = demonstrationPointsEdge(assessDemonstrationPoint, 'api/demonstration-points/:unitId/assessments', {
  operation: {
    summary: '示范点年度考评 (assess a point for a year)',
    description: '第一年考评合格确定为正式示范点；第二年合格进入全面建设提高阶段，不合格予以淘汰；之后一年或两年一次年检年审，不合格淘汰（优进劣出）',
  },
  example: { summary: '按创建标准考评 (against the creation standards)', value: { year: 2026, periodId: 'demo-standard-rural-2026' } },
  access: { roles: REVIEWERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: AssessDemonstrationPointRequest, input: (p, body) => {
    if (body.periodId !== undefined && (body.passed !== undefined || body.score !== undefined)) {
      throw badRequest([{ field: body.passed !== undefined ? 'passed' : 'score', rule: 'exclusive', message: '引用考核期时得分与是否合格取自其公布结果，不能另填 (passed and score come from the period)' }]);
    }
    return { ...p, ...body };
  },
});
