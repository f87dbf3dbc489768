import type { FastifyReply } from 'fastify';
import { DECIMAL_POSITION_TOKENS, KURRENTDB_POSITION_TOKENS, PositionCodec } from '@platform/event-store';
import { parseAsOf, ViewMoment } from './view-moment';
import { momentOf } from './view-response';

const now = new Date('2026-11-01T08:00:00.000Z');

/** The headers an answer sets, read back as a client sees them. */
function answer(): { res: FastifyReply; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  return { res: { header: (name: string, value: string) => headers.set(name, value) } as unknown as FastifyReply, headers };
}

const moment = (positions: PositionCodec, position: number, lag: ViewMoment['lag']): ViewMoment =>
  ({ position, positions, at: now.toISOString(), live: true, stale: lag !== null, lag }) as ViewMoment;

describe('a view answer’s moment', () => {
  it('says its position as the store’s token, in the body and in X-View-Position', () => {
    for (const [codec, token] of [[DECIMAL_POSITION_TOKENS, '0000000000000041'], [KURRENTDB_POSITION_TOKENS, 'C:0000000000000041']] as const) {
      const { res, headers } = answer();
      expect(momentOf(res, moment(codec, 41, null))).toEqual({ position: token, at: now.toISOString(), stale: null });
      expect(headers.get('X-View-Position')).toBe(token);
      expect(headers.has('X-View-Stale')).toBe(false);
    }
  });

  it('says a stale answer’s lag in events where the store counted them, and always in time', () => {
    const counted = answer();
    const body = momentOf(counted.res, moment(DECIMAL_POSITION_TOKENS, 41, { events: 3, ms: 1500, checkpoint: 38 }));
    expect(body.stale).toEqual({ events: 3, ms: 1500, checkpoint: '0000000000000038', message: expect.stringContaining('落后 3 个事件') });
    expect(counted.headers.get('X-View-Stale')).toBe('true; events=3; ms=1500; checkpoint=0000000000000038');

    const uncounted = answer();
    const clustered = momentOf(uncounted.res, moment(KURRENTDB_POSITION_TOKENS, 8192, { events: null, ms: 2500, checkpoint: 4096 }));
    expect(clustered.stale).toEqual({ events: null, ms: 2500, checkpoint: 'C:0000000000004096', message: expect.stringContaining('落后约 3 秒') });
    expect(uncounted.headers.get('X-View-Stale')).toBe('true; ms=2500; checkpoint=C:0000000000004096');
  });
});

describe('asOf', () => {
  it('reads the store’s own tokens back, in the form it issues and the one it issued before, and ISO times', () => {
    expect(parseAsOf('0000000000012345', now, DECIMAL_POSITION_TOKENS)).toEqual({ untilPosition: 12345 });
    expect(parseAsOf('12345', now, DECIMAL_POSITION_TOKENS)).toEqual({ untilPosition: 12345 });
    expect(parseAsOf('C:0000000000004096', now, KURRENTDB_POSITION_TOKENS)).toEqual({ untilPosition: 4096 });
    expect(parseAsOf('C:4096/P:4096', now, KURRENTDB_POSITION_TOKENS)).toEqual({ untilPosition: 4096 });
    expect(parseAsOf('2026-10-01', now, KURRENTDB_POSITION_TOKENS)).toEqual({ at: '2026-10-01T00:00:00.000Z' });
    expect(parseAsOf(undefined, now, DECIMAL_POSITION_TOKENS)).toBeNull();
  });

  it('refuses another store’s token naming asOf and the rule, and a time in the future', () => {
    const refusal = (raw: string, codec: PositionCodec) => {
      try {
        parseAsOf(raw, now, codec);
      } catch (error) {
        return (error as { getResponse(): { errors: unknown[] } }).getResponse().errors;
      }
      throw new Error(`${raw} was accepted`);
    };
    expect(refusal('C:0000000000004096', DECIMAL_POSITION_TOKENS)).toEqual([expect.objectContaining({ field: 'asOf', rule: 'positionToken', message: expect.stringContaining('16 digits') })]);
    expect(refusal('0000000000004096', KURRENTDB_POSITION_TOKENS)).toEqual([expect.objectContaining({ field: 'asOf', rule: 'positionToken', message: expect.stringContaining('C:0000000000004096') })]);
    expect(refusal('2026-12-01', DECIMAL_POSITION_TOKENS)).toEqual([expect.objectContaining({ field: 'asOf', rule: 'notInFuture' })]);
  });
});
