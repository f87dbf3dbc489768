import type { FastifyReply } from 'fastify';
import { ViewMoment } from './view-moment';

/** How far behind a stale answer is, as a client reads it. */
export interface StaleBody {
  /** Events the answer misses; null where the store cannot count them (the time still says it). */
  readonly events: number | null;
  readonly ms: number;
  /** The position the answer reflects, as a token. */
  readonly checkpoint: string;
  readonly message: string;
}

export interface MomentBody {
  /** The moment's position token: pass it back as asOf for exactly this answer again. */
  readonly position: string;
  readonly at: string | null;
  /**
   * null when the answer holds every event up to `position`; otherwise how far behind it is, so a
   * client that never reads headers cannot take a stale view for the truth.
   */
  readonly stale: StaleBody | null;
}

function staleMessage(events: number | null, ms: number): string {
  const seconds = Math.round(ms / 1000);
  return events === null
    ? `视图尚未追上最新数据：落后约 ${seconds} 秒 (view is behind: ${ms} ms)`
    : `视图尚未追上最新数据：落后 ${events} 个事件、约 ${seconds} 秒 (view is behind: ${events} events, ${ms} ms)`;
}

/** Every view says which moment it shows; a client can ask for exactly that moment again with asOf. */
export function momentOf(res: FastifyReply, moment: ViewMoment): MomentBody {
  const token = moment.positions.token(moment.position);
  res.header('X-View-Position', token);
  const lag = moment.stale ? (moment.lag ?? { events: 0, ms: 0, checkpoint: moment.position }) : null;
  const checkpoint = lag && moment.positions.token(lag.checkpoint);
  // A count the store cannot give is left out of the header rather than guessed.
  if (lag) res.header('X-View-Stale', ['true', ...(lag.events === null ? [] : [`events=${lag.events}`]), `ms=${lag.ms}`, `checkpoint=${checkpoint}`].join('; '));
  return {
    position: token,
    at: moment.at,
    stale: lag && { events: lag.events, ms: lag.ms, checkpoint: checkpoint!, message: staleMessage(lag.events, lag.ms) },
  };
}
