import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_METRICS_VERSION, RANK_KEYS, RankKey, UNIT_TYPES, UnitStage, UnitType } from '@platform/domain';
import { BoardQuery } from '../../progress-board/board-view';
import { ScopedMetricsQuery } from '../../shared/view-query.request.dto';

const STAGES: UnitStage[] = ['in_phase', 'consolidation', 'summary', 'concluded'];

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
}

export class GetProgressBoardRequest extends BoardFilterRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  skip?: number;

  /** 每页组织数，默认 50，最多 5000 */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export function boardQueryOf(q: BoardFilterRequest): BoardQuery {
  return {
    root: q.root ?? null,
    unitType: q.unitType ?? null,
    phaseKey: q.phaseKey ?? null,
    stage: q.stage ?? null,
    rankBy: q.rankBy ?? 'completionRate',
    metricsVersion: q.metricsVersion ?? DEFAULT_METRICS_VERSION,
  };
}
