import { projectionLeasesFor } from './leases/projection-leases.factory';
import { documentProjection } from './projection';
import { storedProjectionStatus } from './projection-status';
import { reportIn } from './testing/projection-leases.contract';
import { appendTicks } from './testing/sample-events';
import { closeSqliteStores, openSqliteStores, SqliteStores } from './testing/sqlite-stores';

const ticks = documentProjection<{ _id: string }, { group: string }>({
  name: 'status-ticks',
  version: 1,
  collection: 'status_ticks',
  handles: ['Ticked'],
  id: (e) => e.data.group,
  evolve: (_current, e) => ({ _id: e.data.group }),
});

describe('the projections\' status as stored (what /health answers in every process)', () => {
  let stores: SqliteStores;

  beforeEach(async () => {
    stores = openSqliteStores('projection-status-');
    await appendTicks(stores.events, 10);
  });
  afterEach(() => closeSqliteStores(stores, null));

  /** The state /health shows with the checkpoint at `position` and the lease's last report saying `reported`. */
  async function stateWith(position: number, reported: string): Promise<{ state: string; lag: number | null }> {
    const from = (await stores.store.checkpoint(ticks.name))?.position ?? 0;
    if (from !== position) await stores.store.commit({ projection: ticks.name, version: 1, fromPosition: from, toPosition: position, writes: [] });
    const leases = projectionLeasesFor(stores.store);
    await leases.hold({ projection: ticks.name, owner: 'host:1:a', ttlMs: 60_000, now: new Date(), report: reportIn(reported) });
    const [item] = (await storedProjectionStatus(stores.events, stores.store, leases, [ticks])).projections;
    return { state: item.state, lag: item.lag };
  }

  it('a projection whose checkpoint is at the head is live, though its runner has not yet reported so', async () => {
    expect(await stateWith(10, 'starting')).toEqual({ state: 'live', lag: 0 });
  });

  it('is live when the last report said catching up and the checkpoint has reached the head since', async () => {
    expect(await stateWith(10, 'catching-up')).toEqual({ state: 'live', lag: 0 });
  });

  it('below the head, the state is the one reported', async () => {
    expect(await stateWith(4, 'catching-up')).toEqual({ state: 'catching-up', lag: 6 });
    expect(await stateWith(4, 'starting')).toEqual({ state: 'starting', lag: 6 });
  });

  it('at the head, a failing or rebuilding projection still says so', async () => {
    expect(await stateWith(10, 'failing')).toEqual({ state: 'failing', lag: 0 });
    expect(await stateWith(10, 'rebuilding')).toEqual({ state: 'rebuilding', lag: 0 });
  });
});
