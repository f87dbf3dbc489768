import { EventStore } from '@platform/event-store';
import { evolveBatch, InMemoryReadStore, Projection, ReadStore } from '@platform/read-models';
import { BOARD_PROJECTIONS, VIEW_PROJECTIONS } from '@platform/views';

const BATCH = 20000;

/**
 * The board's read models kept in memory while the city is written, fed from the stored events
 * (envelopes exactly as the platform's projections see them) and brought up to the head only when
 * a notice asks: each event is evolved once, however many notices there are.
 */
export class DemoBoard {
  private readonly projections: { projection: Projection; store: InMemoryReadStore; position: number }[];

  constructor(private readonly events: EventStore) {
    this.projections = BOARD_PROJECTIONS.map((name) => {
      const projection = VIEW_PROJECTIONS.find((p) => p.name === name);
      if (!projection) throw new Error(`demo city: no projection ${name} for the board`);
      return { projection, store: new InMemoryReadStore(), position: 0 };
    });
  }

  /** The documents of the board's projections exactly at `until` (the store's head when a notice is published). */
  async at(until: number): Promise<(projection: string) => ReadStore> {
    for (const p of this.projections) {
      if (p.position > until) throw new Error(`demo city: the board is at ${p.position}, past ${until}`);
      while (p.position < until) {
        const batch = await this.events.readAll({ after: p.position, until, types: p.projection.handles, limit: BATCH });
        const next = batch.length === BATCH ? batch[batch.length - 1].position : until;
        const evolved = await evolveBatch(p.projection, batch, p.store);
        if (evolved.error) throw evolved.error;
        await p.store.commit({ projection: p.projection.name, version: p.projection.version, fromPosition: p.position, toPosition: next, writes: evolved.writes });
        p.position = next;
      }
    }
    const stores = new Map(this.projections.map((p) => [p.projection.name, p.store as ReadStore]));
    return (name) => {
      const store = stores.get(name);
      if (!store) throw new Error(`demo city: projection ${name} is not kept for the board`);
      return store;
    };
  }
}
