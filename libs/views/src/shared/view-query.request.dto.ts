import { Transform, Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsArray, IsBoolean, IsIn, IsOptional, Matches, ValidationOptions } from 'class-validator';
import { MAX_QUERY_INTEGER, IsOptionalInteger, IsOptionalId } from '@platform/common';
import { METRICS_VERSIONS, MetricsVersion } from '@platform/domain';

/** A position token (its form is the event store's, checked when parsed), or an ISO date/time. */
const AS_OF = /^([0-9A-Za-z:/._-]{1,64}|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;

/** `a,b,c` or repeated parameters, as a list. */
export const ListParam = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value));

export const BooleanParam = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/* The rules below are listed in the order stacked decorators apply (as IsLine), so they are checked, reported and described in the OpenAPI document as when each query class stacked them. */

/** An optional `true`/`false` filter. */
export const IsOptionalFlag = (options?: ValidationOptions) => applyDecorators(IsBoolean(options), BooleanParam(), IsOptional());

/** An optional filter of several values, each one of `values`. */
export const IsOptionalListIn = (values: readonly unknown[]) => applyDecorators(IsIn(values, { each: true }), IsArray(), ListParam(), IsOptional());

/** An optional version of a rule set (metrics, handling), one of `versions`. */
export const IsOptionalVersion = (versions: readonly number[], message: string) => applyDecorators(IsIn(versions, { message }), Type(() => Number), IsOptional());

export class AsOfQuery {
  /** 历史时刻：某个答复给出的位置令牌（原样传回），或 ISO 时间，返回当时的结果；省略为当前 */
  @IsOptional()
  @Matches(AS_OF, { message: 'asOf 须为位置令牌或 ISO 时间 (a position token or an ISO time)' })
  asOf?: string;
}

export class MetricsQuery extends AsOfQuery {
  /** 指标口径版本（1 或 2），省略为现行口径 1 */
  @IsOptionalVersion(METRICS_VERSIONS, 'metricsVersion 须为 1 或 2')
  metricsVersion?: MetricsVersion;
}

export class ScopedMetricsQuery extends MetricsQuery {
  /** 只看该组织及其下级 */
  @IsOptionalId()
  root?: string;
}

export class PagedMetricsQuery extends ScopedMetricsQuery {
  @IsOptionalInteger(0, MAX_QUERY_INTEGER)
  skip?: number;

  /** 每页条数，默认 50，最多 5000 */
  @IsOptionalInteger(1, 5000)
  limit?: number;
}
