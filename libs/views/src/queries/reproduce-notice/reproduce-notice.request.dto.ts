import { METRICS_VERSIONS, MetricsVersion } from '@platform/domain';
import { IsOptionalVersion } from '../../shared/view-query.request.dto';

export class ReproduceNoticeRequest {
  /** 用另一版指标口径重新计算同一时刻（默认用通报发布时的口径） */
  @IsOptionalVersion(METRICS_VERSIONS, 'metricsVersion 须为 1 或 2')
  metricsVersion?: MetricsVersion;
}
