import { IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CURRENT_HANDLING_VERSION, DEFAULT_METRICS_VERSION, HANDLING_VERSIONS, HandlingVersion, RANK_KEYS, RankKey, UNIT_TYPES, UnitStage, UnitType } from '@platform/domain';
import { STAGE_NAMES } from '../../progress-board/board-labels';
import { BoardQuery } from '../../progress-board/board-view';
import { PagedMetricsQuery, ScopedMetricsQuery, IsOptionalVersion } from '../../shared/view-query.request.dto';

const STAGES = Object.keys(STAGE_NAMES) as UnitStage[];

export class BoardFilterRequest extends ScopedMetricsQuery {
  @IsOptional()
  @IsIn(UNIT_TYPES)
  unitType?: UnitType;

  /** 只看正处于该阶段的组织 */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey?: string;

  @IsOptional()
  @IsIn(STAGES)
  stage?: UnitStage;

  /** 排名指标，默认整改完成率；相同时按必做步骤完成率，再按组织编码 */
  @IsOptional()
  @IsIn(RANK_KEYS)
  rankBy?: RankKey;

  /** 五类问题分类口径版本，默认现行（第2版） */
  @IsOptionalVersion(HANDLING_VERSIONS, 'handlingVersion 须为 1 或 2')
  handlingVersion?: HandlingVersion;
}

/** The board's filters, and skip/limit over its rows as every paged view takes them. */
export class GetProgressBoardRequest extends IntersectionType(BoardFilterRequest, PickType(PagedMetricsQuery, ['skip', 'limit'] as const)) {}

export function boardQueryOf(q: BoardFilterRequest): BoardQuery {
  return {
    root: q.root ?? null,
    unitType: q.unitType ?? null,
    phaseKey: q.phaseKey ?? null,
    stage: q.stage ?? null,
    rankBy: q.rankBy ?? 'completionRate',
    metricsVersion: q.metricsVersion ?? DEFAULT_METRICS_VERSION,
    handlingVersion: q.handlingVersion ?? CURRENT_HANDLING_VERSION,
  };
}
