import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { MAX_QUERY_INTEGER, IsOptionalInteger } from '@platform/common';
import { METRICS_VERSIONS, MetricsVersion, UNIT_ID_PATTERN } from '@platform/domain';

/** A position token (its form is the event store's, checked when parsed), or an ISO date/time. */
const AS_OF = /^([0-9A-Za-z:/._-]{1,64}|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;

/** `a,b,c` or repeated parameters, as a list. */
export const ListParam = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value));

export const BooleanParam = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class AsOfQuery {
  /** 历史时刻：某个答复给出的位置令牌（原样传回），或 ISO 时间，返回当时的结果；省略为当前 */
  @IsOptional()
  @Matches(AS_OF, { message: 'asOf 须为位置令牌或 ISO 时间 (a position token or an ISO time)' })
  asOf?: string;
}

export class MetricsQuery extends AsOfQuery {
  /** 指标口径版本（1 或 2），省略为现行口径 1 */
  @IsOptional()
  @Type(() => Number)
  @IsIn(METRICS_VERSIONS, { message: 'metricsVersion 须为 1 或 2' })
  metricsVersion?: MetricsVersion;
}

export class ScopedMetricsQuery extends MetricsQuery {
  /** 只看该组织及其下级 */
  @IsOptional()
  @Matches(UNIT_ID_PATTERN, { message: 'root 只能包含字母、数字、- 和 _' })
  root?: string;
}

export class PagedMetricsQuery extends ScopedMetricsQuery {
  @IsOptionalInteger(0, MAX_QUERY_INTEGER)
  skip?: number;

  /** 每页条数，默认 50，最多 5000 */
  @IsOptionalInteger(1, 5000)
  limit?: number;
}
