import { NewEvent, StoredEvent } from '../event-envelope';
import { GENESIS_HASH } from '../hash-chain';
import { newEvent } from '../testing/event-store.contract';
import { UpcasterRegistry } from '../upcasters';
import { decodePosition, encodePosition, prepareEvents, toStoredEvent, verifyStreamChains } from './kurrentdb-envelope';

const actor = { userId: 'u-operator', role: 'operator', unitId: 'branch-1' };
const event = newEvent;

/** What the server would hand back for prepared events, at the given commit positions. */
function stored(streamId: string, fromRevision: number, events: readonly NewEvent[], positions: number[], prev = GENESIS_HASH): StoredEvent[] {
  const prepared = prepareEvents(streamId, events, { revision: fromRevision - 1, hash: prev }, '2026-11-01T00:00:01.000Z');
  return prepared.map((p, i) =>
    toStoredEvent(
      { id: p.id, type: p.type, streamId: `ns/${streamId}`, revision: BigInt(fromRevision + i), data: JSON.parse(JSON.stringify(p.data)), metadata: JSON.parse(JSON.stringify(p.metadata)), position: { commit: BigInt(positions[i]), prepare: BigInt(positions[i]) } },
      streamId,
      new UpcasterRegistry(),
    ),
  );
}

describe('KurrentDB envelope', () => {
  it('keeps the whole envelope through KurrentDB metadata, with KurrentDB’s own correlation fields', () => {
    const e = event('StepRecorded', { step: 'study' }, { causationId: 'cmd-1', idempotencyKey: 'k', commandFingerprint: 'f', schemaVersion: 2 });
    const [p] = prepareEvents('campaign-1', [e], { revision: -1, hash: GENESIS_HASH }, '2026-11-01T00:00:01.000Z');
    expect(p.metadata).toMatchObject({ $correlationId: 'corr-1', $causationId: 'cmd-1', prevHash: GENESIS_HASH, schemaVersion: 2 });
    const [back] = stored('campaign-1', 0, [e], [4096]);
    expect(back).toMatchObject({
      position: 4096,
      eventId: e.eventId,
      streamId: 'campaign-1',
      streamRevision: 0,
      type: 'StepRecorded',
      schemaVersion: 2,
      data: { step: 'study' },
      occurredAt: e.occurredAt,
      recordedAt: '2026-11-01T00:00:01.000Z',
      actor,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      idempotencyKey: 'k',
      commandFingerprint: 'f',
      hash: p.metadata.hash,
    });
  });

  it('maps commit positions to numbers and back, refusing any it cannot hold exactly', () => {
    expect(encodePosition({ commit: 123456789n })).toBe(123456789);
    expect(decodePosition(123456789)).toEqual({ commit: 123456789n, prepare: 123456789n });
    expect(() => encodePosition({ commit: 2n ** 53n + 1n })).toThrow(/exceeds 2\^53/);
    expect(() => encodePosition(undefined)).toThrow(/without its \$all position/);
  });

  it('chains each stream on its own and verifies them all over $all order', () => {
    const a = stored('a', 0, [event('A0', { n: 0 }), event('A1', { n: 1 })], [100, 300]);
    const b = stored('b', 0, [event('B0', {})], [200]);
    const a2 = stored('a', 2, [event('A2', { n: 2 })], [400], a[1].hash);
    expect(a[1].prevHash).toBe(a[0].hash);
    expect(b[0].prevHash).toBe(GENESIS_HASH);
    const history = [a[0], b[0], a[1], a2[0]];
    expect(verifyStreamChains(history)).toEqual({ ok: true, checked: 4, headPosition: 400, firstBrokenPosition: null, reason: null });

    const tampered = history.map((e) => (e.position === 300 ? { ...e, data: { n: 99 } } : e));
    expect(verifyStreamChains(tampered)).toMatchObject({ ok: false, firstBrokenPosition: 300, reason: 'stored content does not match its hash' });
    const gap = history.filter((e) => e.position !== 300);
    expect(verifyStreamChains(gap)).toMatchObject({ ok: false, firstBrokenPosition: 400, reason: 'stream a: revision 1 is missing' });
  });

  it('upcasts on read from the stored schema version', () => {
    const upcasters = new UpcasterRegistry([{ type: 'StepRecorded', fromVersion: 1, toVersion: 2, upcast: (d) => ({ ...(d as object), hours: 0 }) }]);
    const [p] = prepareEvents('s', [event('StepRecorded', { note: 'x' })], { revision: -1, hash: GENESIS_HASH }, '2026-11-01T00:00:01.000Z');
    const back = toStoredEvent({ id: p.id, type: p.type, streamId: 's', revision: 0n, data: p.data, metadata: p.metadata, position: { commit: 1n, prepare: 1n } }, 's', upcasters);
    expect(back).toMatchObject({ schemaVersion: 2, data: { note: 'x', hours: 0 } });
  });
});
