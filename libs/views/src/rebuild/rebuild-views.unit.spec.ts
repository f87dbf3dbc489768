import { availableParallelism } from 'node:os';
import { DEFAULT_REBUILD_PENDING_MIB, loadRebuildPendingMiB, loadRebuildThreads, rebuildThreads } from './rebuild-views';

describe('REBUILD_PENDING_MIB, what `npm run rebuild` keeps pending', () => {
  it('is twice a server runner\'s 64 MiB unless set', () => {
    expect(DEFAULT_REBUILD_PENDING_MIB).toBe(128);
    expect(loadRebuildPendingMiB({})).toBe(128);
    expect(loadRebuildPendingMiB({ REBUILD_PENDING_MIB: ' ' })).toBe(128);
  });

  it('takes a whole number of MiB', () => {
    expect(loadRebuildPendingMiB({ REBUILD_PENDING_MIB: '64' })).toBe(64);
  });

  it.each(['0', '-1', '1.5', 'lots'])('refuses %p, naming the setting and the rule', (raw) => {
    expect(() => loadRebuildPendingMiB({ REBUILD_PENDING_MIB: raw })).toThrow(`REBUILD_PENDING_MIB must be an integer ≥ 1, got "${raw}"`);
  });
});

describe('REBUILD_THREADS and the views of each thread', () => {
  it('uses two threads where there are two cores, one when set so, and refuses anything but a whole number', () => {
    expect(loadRebuildThreads({})).toBe(Math.min(2, availableParallelism()));
    expect(loadRebuildThreads({ REBUILD_THREADS: '1' })).toBe(1);
    expect(() => loadRebuildThreads({ REBUILD_THREADS: '0' })).toThrow('REBUILD_THREADS must be an integer ≥ 1, got "0"');
  });

  it('gives the ledger a thread of its own when it is rebuilt with other views, and keeps one thread otherwise', () => {
    const every = ['progress-board', 'rectification-ledger', 'audit-trail', 'search'];
    expect(rebuildThreads(every, 2)).toEqual([['progress-board', 'audit-trail', 'search'], ['rectification-ledger']]);
    expect(rebuildThreads(every, 1)).toEqual([every]);
    expect(rebuildThreads(['rectification-ledger'], 2)).toEqual([['rectification-ledger']]);
    expect(rebuildThreads(['progress-board', 'audit-trail'], 2)).toEqual([['progress-board', 'audit-trail']]);
  });
});
