import { IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
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
}

export class ListTrackedProblemsRequest extends TrackedProblemFilters {}

export function problemFiltersOf(q: TrackedProblemFilters): ProblemListFilters {
  return {
    statuses: q.status ?? [],
    handlings: q.handling ?? [],
    warningLevels: q.warningLevel ?? [],
    sources: q.source ?? [],
    overdue: q.overdue ?? null,
  };
}
