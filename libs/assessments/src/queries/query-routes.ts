import { queryRoutes } from '@platform/common';

/** The context's read routes, by OpenAPI tag: each query names its route and contract (see queryRoute). */
export const assessmentsQuery = queryRoutes('assessments 考核');
