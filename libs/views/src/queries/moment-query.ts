import { QueryRequest } from '@platform/common';
import { ViewMoment, ViewMoments } from '../shared/view-moment';
import { momentOf } from '../shared/view-response';

/**
 * A view query's handler: the moment it reads is resolved from the request's `asOf` (or is the
 * latest), and the answer it builds is led by that moment, so every view says which moment it shows.
 * The moment's headers are set once the answer is built, so a refused read carries none.
 */
export function atMoment<Pa, Q, S extends { moments: ViewMoments }, A extends object>(
  projections: readonly string[],
  answer: (request: QueryRequest<Pa, Q>, moment: ViewMoment, services: S) => Promise<A>,
) {
  return async (request: QueryRequest<Pa, Q>, services: S) => {
    const moment = await services.moments.resolve(asOfOf(request.query), projections);
    const body = await answer(request, moment, services);
    return { asOf: momentOf(request.res, moment), ...body };
  };
}

export function asOfOf(query: unknown): string | undefined {
  return (query as { asOf?: string } | undefined)?.asOf;
}
