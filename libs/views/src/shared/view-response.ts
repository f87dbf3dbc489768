import type { Response } from 'express';
import { ViewLag, ViewMoment } from './view-moment';

export interface MomentBody {
  readonly position: number;
  readonly at: string | null;
  /**
   * null when the answer holds every event up to `position`; otherwise how far behind it is, so a
   * client that never reads headers cannot take a stale view for the truth.
   */
  readonly stale: (ViewLag & { readonly message: string }) | null;
}

/** Every view says which moment it shows; a client can ask for exactly that moment again with asOf. */
export function momentOf(res: Response, moment: ViewMoment): MomentBody {
  res.setHeader('X-View-Position', String(moment.position));
  const lag = moment.stale ? (moment.lag ?? { events: 0, ms: 0, checkpoint: moment.position }) : null;
  if (lag) res.setHeader('X-View-Stale', `true; events=${lag.events}; ms=${lag.ms}; checkpoint=${lag.checkpoint}`);
  return {
    position: moment.position,
    at: moment.at,
    stale: lag && {
      ...lag,
      message: `视图尚未追上最新数据：落后 ${lag.events} 个事件、约 ${Math.round(lag.ms / 1000)} 秒，结果截至位置 ${lag.checkpoint} (view is behind: ${lag.events} events, ${lag.ms} ms)`,
    },
  };
}
