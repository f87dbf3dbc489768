import { ExpectedRevision, NO_REVISION, StreamWrite } from './event-envelope';
import { InvalidAppendError, WrongExpectedRevisionError } from './event-store.errors';

export function checkExpected(streamId: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === NO_REVISION) ||
    (expected === 'stream_exists' && current > NO_REVISION) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current);
}

export function validateWrites(writes: readonly StreamWrite[]): void {
  if (writes.length === 0) throw new InvalidAppendError('nothing to append');
  const ids = new Set<string>();
  const streams = new Set<string>();
  for (const w of writes) {
    if (!w.streamId) throw new InvalidAppendError('stream id must not be empty');
    if (streams.has(w.streamId)) throw new InvalidAppendError(`stream ${w.streamId} appears twice in one write`);
    streams.add(w.streamId);
    if (w.events.length === 0) throw new InvalidAppendError(`stream ${w.streamId}: no events to append`);
    const e = w.expected;
    if (typeof e === 'number' && (!Number.isInteger(e) || e < NO_REVISION)) {
      throw new InvalidAppendError(`stream ${w.streamId}: expected revision must be an integer ≥ -1`);
    }
    for (const ev of w.events) {
      if (!ev.eventId) throw new InvalidAppendError('event id must not be empty');
      if (ids.has(ev.eventId)) throw new InvalidAppendError(`event id ${ev.eventId} appears twice in one append`);
      ids.add(ev.eventId);
      if (!ev.type) throw new InvalidAppendError('event type must not be empty');
      if (Number.isNaN(Date.parse(ev.occurredAt))) {
        throw new InvalidAppendError(`event ${ev.eventId}: occurredAt must be an ISO-8601 time`);
      }
    }
  }
}
