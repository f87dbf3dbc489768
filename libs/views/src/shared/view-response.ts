import type { Response } from 'express';
import { ViewMoment } from './view-moment';

/** Every view says which moment it shows; a client can ask for exactly that moment again with asOf. */
export function momentOf(res: Response, moment: ViewMoment): { position: number; at: string | null } {
  res.setHeader('X-View-Position', String(moment.position));
  if (moment.stale) res.setHeader('X-View-Stale', 'true');
  return { position: moment.position, at: moment.at };
}
