import type { EventStore } from '@platform/event-store';
import type { PlatformMetrics } from './platform-metrics';

/**
 * The same store, its appends timed into the metrics, labelled by how many streams one transaction
 * wrote. A proxy rather than a wrapper class: every other method (and an adapter's own extras, such
 * as the chain checks) reaches the store unchanged.
 */
export function timedAppends<S extends EventStore>(store: S, metrics: PlatformMetrics): S {
  const timed = async <R>(streams: number, write: () => Promise<R>): Promise<R> => {
    const end = metrics.appendDuration.startTimer({ streams: streams === 1 ? 'one' : 'several' });
    try {
      return await write();
    } finally {
      end();
    }
  };
  const append: EventStore['append'] = (...args) => timed(1, () => store.append(...args));
  const appendMany: EventStore['appendMany'] = (writes) => timed(writes.length, () => store.appendMany(writes));
  // Each method bound once: a command reads several through the proxy (a bound function per access was 0.8% of the API thread).
  // Keyed by the method itself, so one replaced on the store is bound anew.
  const bound = new WeakMap<(...args: never[]) => unknown, unknown>();
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      if (property === 'appendMany') return appendMany;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let fn = bound.get(value as (...args: never[]) => unknown);
      if (fn === undefined) bound.set(value as (...args: never[]) => unknown, (fn = value.bind(target)));
      return fn;
    },
  });
}
