import { IsOptional, Matches } from 'class-validator';
import { HANDLINGS, Handling, PROBLEM_SOURCES, PROBLEM_STATUSES, ProblemSource, ProblemStatus, WARNING_LEVELS, WarningLevel } from '@platform/domain';
import { ProblemListFilters } from '../../rectification-tracker/tracked-problem';
import { PagedMetricsQuery, IsOptionalFlag, IsOptionalListIn } from '../../shared/view-query.request.dto';
import { IsOptionalInteger } from '@platform/common';

export class TrackedProblemFilters extends PagedMetricsQuery {
  /** 状态，可多选：identified,planned,in_progress,fixed,verified,closed,deferred,joint */
  @IsOptionalListIn(PROBLEM_STATUSES)
  status?: ProblemStatus[];

  /** 处理方式，可多选：being_rectified,by_deadline,deferred,joint,solved */
  @IsOptionalListIn(HANDLINGS)
  handling?: Handling[];

  /** 预警等级，可多选：none,green,yellow,red */
  @IsOptionalListIn(WARNING_LEVELS)
  warningLevel?: WarningLevel[];

  /** 问题来源，可多选 */
  @IsOptionalListIn(PROBLEM_SOURCES)
  source?: ProblemSource[];

  /** true 只看超期，false 只看未超期 */
  @IsOptionalFlag()
  overdue?: boolean;

  /** true 只看督查中的问题，false 只看未被督查的 */
  @IsOptionalFlag()
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
