import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { badRequest, fromBody, IsId, IsLine, MANAGERS } from '@platform/common';
import { UNIT_ID_PATTERN, UNIT_LEVELS, UnitLevel } from '@platform/domain';
import { assessmentsEdge } from '../../assessment-commands';
import { IsPeriodId } from '../../http/assessment-params';
import { openAssessmentPeriod } from './open-assessment-period';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class OpenAssessmentPeriodRequest {
  @IsPeriodId()
  periodId!: string;

  @IsLine(200)
  title!: string;

  /** 适用的考核方案（取其现行版本，考核期内不再变化） */
  @IsId()
  schemeId!: string;

  /** 考核期开始 YYYY-MM-DD */
  @Matches(DATE, { message: 'from 须为日期 YYYY-MM-DD' })
  from!: string;

  /** 考核期结束 YYYY-MM-DD */
  @Matches(DATE, { message: 'to 须为日期 YYYY-MM-DD' })
  to!: string;

  /** 列出的考核对象（与 root 二选一） */
  @ValidateIf((o: OpenAssessmentPeriodRequest) => o.root === undefined)
  @IsArray({ message: 'unitIds 或 root 必须提供其一 (unitIds must be an array when root is absent)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds?: string[];

  /** 该组织下方案考核类型的全部组织（与 unitIds 二选一），可用 level 限定层级，如 township 即各乡镇党委书记 */
  @ValidateIf((o: OpenAssessmentPeriodRequest) => o.unitIds === undefined)
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
  root?: string;

  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level 须为 ${UNIT_LEVELS.join('、')} 之一` })
  level?: UnitLevel;
}

export const OpenAssessmentPeriodHttpController = assessmentsEdge(openAssessmentPeriod, 'api/assessments', {
  operation: {
    summary: '开展一期考核 (open an assessment period)',
    description: '按考核方案的现行版本开展一期考核：列出考核对象，或给出 root（及 level）按方案的考核对象类型选取该范围内的全部组织（如各乡镇党委书记）',
  },
  example: { summary: '2026 年度村党支部书记考核 (village secretaries, 2026)', value: {
    periodId: 'village-secretary-2026',
    title: '2026 年度村党支部书记抓党建考核',
    schemeId: 'village-secretary-2026',
    from: '2026-01-01',
    to: '2026-12-31',
    root: '430702',
    level: 'branch',
  } },
  access: { roles: MANAGERS, mode: 'write', units: fromBody('unitIds', 'root') },
  body: OpenAssessmentPeriodRequest, input: (_p, body) => {
    if (body.unitIds && body.root) throw badRequest([{ field: 'root', rule: 'exclusive', message: 'unitIds 与 root 只能提供其一 (either unitIds or root)' }]);
    if (body.level && !body.root) throw badRequest([{ field: 'level', rule: 'requiresRoot', message: 'level 只能与 root 一起使用 (level needs root)' }]);
    return body;
  },
});
