import { ReadStreamOptions, StoredEvent } from '@platform/event-store';
import { StreamStates } from './stream-states';

/** Streams of numbered events; the state is the sum of their `n`. Counts the events each read returns. */
function storeOf(streams: Record<string, number[]>) {
  const store = {
    returned: 0,
    streams,
    async readStream(streamId: string, o: ReadStreamOptions = {}): Promise<StoredEvent[]> {
      const events = (store.streams[streamId] ?? []).map((n, i) => ({ streamId, streamRevision: i, data: { n } }) as unknown as StoredEvent);
      const newer = events.filter((e) => e.streamRevision >= (o.fromRevision ?? 0));
      store.returned += newer.length;
      return newer;
    },
  };
  return store;
}

const sum = { initialState: () => 0, evolve: (s: number, e: { data: { n: number } }) => s + e.data.n };

describe('StreamStates', () => {
  it('folds a stream, then reads only what was appended since', async () => {
    const store = storeOf({ a: [1, 2] });
    const states = new StreamStates(store, sum);
    expect(await states.get('a')).toEqual({ state: 3, revision: 1 });
    store.streams.a.push(10);
    expect(await states.get('a')).toEqual({ state: 13, revision: 2 });
    expect(store.returned).toBe(3);
  });

  it('answers the initial state for a stream with no events, and keeps nothing for it', async () => {
    const store = storeOf({});
    const states = new StreamStates(store, sum);
    expect(await states.get('none')).toEqual({ state: 0, revision: -1 });
    store.streams.none = [5];
    expect(await states.get('none')).toEqual({ state: 5, revision: 0 });
  });

  it('reads nothing while the store tells that the kept revision is the stream\'s last, and reads again when it cannot tell', async () => {
    const heads = new Map<string, number>();
    const store = Object.assign(storeOf({ a: [1, 2] }), { lastRevisionKnown: (streamId: string) => heads.get(streamId) ?? null });
    const states = new StreamStates(store, sum);
    expect(await states.get('a')).toEqual({ state: 3, revision: 1 });
    heads.set('a', 1);
    store.returned = 0;
    const reads = jest.spyOn(store, 'readStream');
    expect(await states.get('a')).toEqual({ state: 3, revision: 1 });
    expect(reads).not.toHaveBeenCalled();
    // Written again elsewhere: the store no longer knows, and the newer event is read.
    heads.delete('a');
    store.streams.a.push(10);
    expect(await states.get('a')).toEqual({ state: 13, revision: 2 });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(store.returned).toBe(1);
    // A revision the store knows but the kept state lacks (written by this process, not yet folded): read.
    heads.set('a', 3);
    store.streams.a.push(100);
    expect(await states.get('a')).toEqual({ state: 113, revision: 3 });
  });

  it('folds in what a command appended at the kept revision, as read back, and ignores an append it did not start from', async () => {
    const heads = new Map<string, number>();
    const store = Object.assign(storeOf({ a: [1] }), { lastRevisionKnown: (streamId: string) => heads.get(streamId) ?? null });
    const states = new StreamStates(store, sum);
    await states.get('a');
    store.streams.a.push(2, 3);
    heads.set('a', 2);
    states.appended('a', 0, [{ data: { n: 2 } }, { data: { n: 3 } }], 2);
    const reads = jest.spyOn(store, 'readStream');
    expect(await states.get('a')).toEqual({ state: 6, revision: 2 });
    expect(reads).not.toHaveBeenCalled();
    // Not from the kept revision (another write came between): left to the next load's read.
    store.streams.a.push(4, 5);
    heads.set('a', 4);
    states.appended('a', 3, [{ data: { n: 5 } }], 4);
    expect(await states.get('a')).toEqual({ state: 15, revision: 4 });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('drops the least recently used state beyond its capacity and folds it again when asked', async () => {
    const store = storeOf({ a: [1], b: [2], c: [3] });
    const states = new StreamStates(store, sum, 2);
    await states.get('a');
    await states.get('b');
    await states.get('a');
    await states.get('c'); // b is the least recently used
    store.returned = 0;
    await states.get('a');
    expect(store.returned).toBe(0);
    expect(await states.get('b')).toEqual({ state: 2, revision: 0 });
    expect(store.returned).toBe(1);
  });

  it('bounds the states of a folding that grows with its events by the events folded into them', async () => {
    // Every stream's events are read again once dropped; `returned` counts them.
    const store = storeOf({ a: [1, 1, 1], b: [2, 2], c: [3, 3, 3], huge: [1, 1, 1, 1, 1, 1, 1, 1] });
    const record = { ...sum, growsWithEvents: true };
    const states = new StreamStates(store, record, 100, 6);
    await states.get('a'); // 3 events kept
    await states.get('b'); // 5
    await states.get('a');
    await states.get('c'); // 8 over 6: b, the least recently used, is dropped
    store.returned = 0;
    await states.get('a');
    await states.get('c');
    expect(store.returned).toBe(0);
    expect(await states.get('b')).toEqual({ state: 4, revision: 1 });
    expect(store.returned).toBe(2);
    // Over the bound by itself: answered, never kept (nor does it push the others out).
    store.returned = 0;
    expect(await states.get('huge')).toEqual({ state: 8, revision: 7 });
    expect(await states.get('huge')).toEqual({ state: 8, revision: 7 });
    expect(store.returned).toBe(16);
    store.returned = 0;
    await states.get('b');
    expect(store.returned).toBe(0);
  });

  it('keeps the states of a folding that does not grow with its events by their number alone', async () => {
    const store = storeOf({ a: [1, 1, 1, 1, 1, 1, 1, 1], b: [2, 2, 2, 2, 2, 2, 2, 2] });
    const states = new StreamStates(store, sum, 100, 6);
    await states.get('a');
    await states.get('b');
    store.returned = 0;
    await states.get('a');
    await states.get('b');
    expect(store.returned).toBe(0);
  });
});
