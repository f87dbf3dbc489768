import { queryRoutes } from '@platform/common';

/** The context's read routes, by OpenAPI tag: each query names its route and contract (see queryRoute). */
export const assessmentsQuery = queryRoutes('assessments 考核');
export const viewsQuery = queryRoutes('views 看板·台账·审计');
export const memberRosterQuery = queryRoutes('member roster 党员名册');
export const demonstrationPointsQuery = queryRoutes('demonstration points 示范点');
export const instructionsQuery = queryRoutes('instructions 领导批示');
export const publicQuery = queryRoutes('public 公示');
