import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsId, IsLine, IsListOf, IsOptionalLine, IsOptionalText, MANAGERS, MaxDecimalPlaces } from '@platform/common';
import { UNIT_TYPES, UnitType } from '@platform/domain';
import { assessmentsEdge } from '../../assessment-commands';
import { publishAssessmentScheme } from './publish-assessment-scheme';

const RULE_KINDS = ['points', 'pass_fail', 'deduction'] as const;

export class ScoringRuleRequest {
  /** points 按分值给分 | pass_fail 达标得满分 | deduction 每处扣分 */
  @IsIn(RULE_KINDS, { message: 'kind 须为 points、pass_fail 或 deduction' })
  kind!: (typeof RULE_KINDS)[number];

  /** 该项分值（权重） */
  @IsNumber()
  @MaxDecimalPlaces(1)
  @Min(0.1)
  @Max(1000)
  max!: number;

  /** 每处扣分（仅 deduction） */
  @ValidateIf((o: ScoringRuleRequest) => o.kind === 'deduction' || o.perItem !== undefined)
  @IsNumber({}, { message: 'perItem 为扣分项每处扣分，deduction 必填 (required for deduction)' })
  @MaxDecimalPlaces(1)
  @Min(0.1)
  @Max(1000)
  perItem?: number;
}

export class CriterionRequest {
  @IsId()
  criterionId!: string;

  @IsLine(200)
  title!: string;

  @ValidateNested()
  @Type(() => ScoringRuleRequest)
  rule!: ScoringRuleRequest;
}

export class GradeBandRequest {
  /** 等次名称，如 优秀、良好、一般、较差 */
  @IsLine(20)
  grade!: string;

  /** 该等次的最低总分 */
  @IsNumber()
  @MaxDecimalPlaces(1)
  @Min(0)
  @Max(100_000)
  minScore!: number;
}

export class SchemeSubjectRequest {
  /** 考核对象的组织类型；空为不限 */
  @IsArray()
  @ArrayMaxSize(UNIT_TYPES.length)
  @IsIn(UNIT_TYPES, { each: true, message: `unitTypes 每项须为 ${UNIT_TYPES.join('、')} 之一` })
  unitTypes!: UnitType[];

  /** 考核对象职务，如 村党支部书记；省略为考核组织本身 */
  @IsOptionalLine(50)
  post?: string;
}

export class PublishAssessmentSchemeRequest {
  @IsId()
  schemeId!: string;

  @IsLine(200)
  title!: string;

  @IsListOf(() => CriterionRequest, { min: 1, max: 200 })
  criteria!: CriterionRequest[];

  @IsListOf(() => GradeBandRequest, { min: 1, max: 20 })
  bands!: GradeBandRequest[];

  @IsOptional()
  @ValidateNested()
  @Type(() => SchemeSubjectRequest)
  subject?: SchemeSubjectRequest;

  /** 修订原因（第二版起必填） */
  @IsOptionalText(2000)
  reason?: string;
}

/** The documented request: village secretaries' scheme; the assessments e2e spec publishes and ranks by exactly it. */
export const VILLAGE_SECRETARY_SCHEME_EXAMPLE = {
  schemeId: 'village-secretary-2026',
  title: '村党支部书记抓基层党建工作考核',
  criteria: [
    { criterionId: 'duty', title: '履行第一责任人职责', rule: { kind: 'points', max: 40 } },
    { criterionId: 'report', title: '党建述职', rule: { kind: 'pass_fail', max: 20 } },
    { criterionId: 'tasks', title: '重点任务落实', rule: { kind: 'deduction', max: 40, perItem: 5 } },
  ],
  bands: [
    { grade: '优秀', minScore: 90 },
    { grade: '良好', minScore: 75 },
    { grade: '一般', minScore: 60 },
    { grade: '较差', minScore: 0 },
  ],
  subject: { unitTypes: ['rural'], post: '村党支部书记' },
};

export const PublishAssessmentSchemeHttpController = assessmentsEdge(publishAssessmentScheme, 'api/assessment-schemes', {
  operation: {
    summary: '发布考核方案或其新版本 (publish an assessment scheme or its next version)',
    description: '考核方案是数据：指标（分值即权重）、评分方式（得分、达标、扣分）、等次分数线、考核对象；再次发布同一编号即为新版本，须说明修订原因',
  },
  example: { summary: '村党支部书记抓党建考核 (village secretaries)', value: VILLAGE_SECRETARY_SCHEME_EXAMPLE },
  access: { roles: MANAGERS, mode: 'write', units: null },
  body: PublishAssessmentSchemeRequest, input: (_p, body) => (body),
});
