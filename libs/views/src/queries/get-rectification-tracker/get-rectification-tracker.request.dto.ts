import { PagedMetricsQuery } from '../../shared/view-query.request.dto';

/** root, asOf, metricsVersion, skip/limit (over the units) */
export class GetRectificationTrackerRequest extends PagedMetricsQuery {}
