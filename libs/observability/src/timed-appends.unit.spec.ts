import type { EventStore } from '@platform/event-store';
import { PlatformMetrics } from './platform-metrics';
import { timedAppends } from './timed-appends';

/** A store of the shape the proxy sees: its methods read `this`, as the adapters' do. */
class CountingStore {
  appended = 0;
  reads = 0;
  async append(): Promise<{ positions: number[] }> {
    this.appended += 1;
    return { positions: [this.appended] };
  }
  async appendMany(writes: readonly unknown[]): Promise<unknown[]> {
    this.appended += writes.length;
    return writes.map(() => ({}));
  }
  async headPosition(): Promise<number> {
    this.reads += 1;
    return this.appended;
  }
}

describe('timedAppends', () => {
  it('times appends by streams written, and hands every other method over bound to the store, once', async () => {
    const metrics = new PlatformMetrics('test');
    const inner = new CountingStore();
    const store = timedAppends(inner as unknown as EventStore, metrics);
    await store.append('s-1', [], 'any');
    await store.appendMany([{ streamId: 'a', events: [], expected: 'any' }, { streamId: 'b', events: [], expected: 'any' }]);
    const head = store.headPosition;
    expect(await head()).toBe(3);
    expect(store.headPosition).toBe(head);
    expect(inner.reads).toBe(1);
    const observed = (await metrics.appendDuration.get()).values.filter((v) => v.metricName === 'event_store_append_duration_seconds_count');
    expect(Object.fromEntries(observed.map((v) => [v.labels.streams, v.value]))).toEqual({ one: 1, several: 1 });
  });

  it('binds a method replaced on the store anew', async () => {
    const inner = new CountingStore();
    const store = timedAppends(inner as unknown as EventStore, new PlatformMetrics('test'));
    const before = store.headPosition;
    inner.headPosition = async () => 42;
    expect(store.headPosition).not.toBe(before);
    expect(await store.headPosition()).toBe(42);
  });
});
