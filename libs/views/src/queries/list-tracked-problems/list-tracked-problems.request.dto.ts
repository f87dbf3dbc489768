import { IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import {
  HANDLINGS,
  Handling,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  ProblemSource,
  ProblemStatus,
  WARNING_LEVELS,
  WarningLevel,
} from '@platform/domain';
import { ProblemListFilters } from '../../rectification-tracker/tracked-problem';
import { BooleanParam, ListParam, PagedMetricsQuery } from '../../shared/view-query.request.dto';
import { IsOptionalInteger } from '@platform/common';

export class TrackedProblemFilters extends PagedMetricsQuery {
  /** 状态，可多选：identified,planned,in_progress,fixed,verified,closed,deferred,joint */
  @IsOptional()
  @ListParam()
  @IsArray()
  @IsIn(PROBLEM_STATUSES, { each: true })
  status?: ProblemStatus[];

  /** 处理方式，可多选：being_rectified,by_deadline,deferred,joint,solved */
  @IsOptional()
  @ListParam()
  @IsArray()
  @IsIn(HANDLINGS, { each: true })
  handling?: Handling[];

  /** 预警等级，可多选：none,green,yellow,red */
  @IsOptional()
  @ListParam()
  @IsArray()
  @IsIn(WARNING_LEVELS, { each: true })
  warningLevel?: WarningLevel[];

  /** 问题来源，可多选 */
  @IsOptional()
  @ListParam()
  @IsArray()
  @IsIn(PROBLEM_SOURCES, { each: true })
  source?: ProblemSource[];

  /** true 只看超期，false 只看未超期 */
  @IsOptional()
  @BooleanParam()
  @IsBoolean()
  overdue?: boolean;

  /** true 只看督查中的问题，false 只看未被督查的 */
  @IsOptional()
  @BooleanParam()
  @IsBoolean()
  supervised?: boolean;
}

/** Deeper pages go by cursor: an offset makes the store step over every row before it. */
export const MAX_SKIP = 1000;

export class ListTrackedProblemsRequest extends TrackedProblemFilters {
  @IsOptionalInteger(0, MAX_SKIP, { message: `skip 最多 ${MAX_SKIP}，更深的页请用 after (skip must not exceed ${MAX_SKIP}; use after)` })
  declare skip?: number;

  /** 上一页返回的 next，从其后接着列出（键集分页） */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after 须为上一页返回的 next (the next cursor of a previous page)' })
  after?: string;
}

export function problemFiltersOf(q: TrackedProblemFilters): ProblemListFilters {
  return {
    statuses: q.status ?? [],
    handlings: q.handling ?? [],
    warningLevels: q.warningLevel ?? [],
    sources: q.source ?? [],
    overdue: q.overdue ?? null,
    supervised: q.supervised ?? null,
  };
}
