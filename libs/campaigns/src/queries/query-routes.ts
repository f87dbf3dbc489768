import { queryRoutes } from '@platform/common';

/** The context's read routes, by OpenAPI tag: each query names its route and contract (see queryRoute). */
export const campaignsQuery = queryRoutes('campaigns 活动');
export const campaignUnitsQuery = queryRoutes('campaign units 参学组织');
