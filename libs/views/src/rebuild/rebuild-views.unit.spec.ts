import { DEFAULT_REBUILD_PENDING_MIB, loadRebuildPendingMiB } from './rebuild-views';

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
