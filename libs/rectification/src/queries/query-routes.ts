import { queryRoutes } from '@platform/common';

/** The context's read routes, by OpenAPI tag: each query names its route and contract (see queryRoute). */
export const rectificationQuery = queryRoutes('rectification 整改台账');
export const publicQuery = queryRoutes('public 公示');
export const satisfactionQuery = queryRoutes('satisfaction 满意度测评');
