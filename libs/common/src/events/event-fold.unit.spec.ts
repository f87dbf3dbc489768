import { ReadAllOptions, StoredEvent } from '@platform/event-store';
import { EventFold } from './event-fold';

/** A store of `count` events of type T at positions 1..count, counting the reads it answers. */
function storeOf(count: number) {
  const events = Array.from({ length: count }, (_, i) => ({ position: i + 1, type: 'T', streamId: 's-1', data: { n: i + 1 } }) as unknown as StoredEvent);
  const store = {
    reads: 0,
    events,
    async readAll(o: ReadAllOptions = {}): Promise<StoredEvent[]> {
      store.reads++;
      return store.events.filter((e) => e.position > (o.after ?? 0)).slice(0, o.limit ?? 1000);
    },
  };
  return store;
}

describe('EventFold', () => {
  it('applies every event once, in order, and reads once when what is new fits one batch', async () => {
    const store = storeOf(3);
    const seen: number[] = [];
    const fold = new EventFold(store, { types: ['T'] }, (e) => seen.push(e.position));
    await fold.refresh();
    expect(seen).toEqual([1, 2, 3]);
    expect(store.reads).toBe(1);
    expect(fold.position).toBe(3);
  });

  it('reads on from its position: only what was appended since', async () => {
    const store = storeOf(2);
    const seen: number[] = [];
    const fold = new EventFold(store, { types: ['T'] }, (e) => seen.push(e.position));
    await fold.refresh();
    store.events.push({ position: 3, type: 'T', streamId: 's-1', data: {} } as unknown as StoredEvent);
    await fold.refresh();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('reads batch after batch while they are full, and applies an event once when refreshes overlap', async () => {
    const store = storeOf(12_001);
    const seen: number[] = [];
    const fold = new EventFold(store, { types: ['T'] }, (e) => seen.push(e.position));
    await Promise.all([fold.refresh(), fold.refresh()]);
    expect(seen.length).toBe(12_001);
    expect(new Set(seen).size).toBe(12_001);
    expect(fold.position).toBe(12_001);
  });

  it('reads nothing while the store tells that none of its types was appended since, and reads up to the head when one was', async () => {
    const store = Object.assign(storeOf(2), {
      appended: true,
      appendedSince(after: number) {
        return store.appended || after < 2;
      },
      async headPosition() {
        return store.events.length;
      },
    });
    const seen: number[] = [];
    const fold = new EventFold(store, { types: ['T'] }, (e) => seen.push(e.position));
    await fold.refresh();
    store.appended = false;
    await fold.refresh();
    await fold.refresh();
    expect(store.reads).toBe(1);
    store.events.push({ position: 3, type: 'T', streamId: 's-1', data: {} } as unknown as StoredEvent);
    store.appended = true;
    await fold.refresh();
    expect(seen).toEqual([1, 2, 3]);
    expect(store.reads).toBe(2);
  });
});
