import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { METRICS_VERSIONS, MetricsVersion } from '@platform/domain';

export class ReproduceNoticeRequest {
  /** 用另一版指标口径重新计算同一时刻（默认用通报发布时的口径） */
  @IsOptional()
  @Type(() => Number)
  @IsIn(METRICS_VERSIONS, { message: 'metricsVersion 须为 1 或 2' })
  metricsVersion?: MetricsVersion;
}
