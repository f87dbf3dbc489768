import { approximateBytes } from './approximate-bytes';
import { MomentMemos } from './moment-memos';

const MiB = 2 ** 20;
/** About `mib` MiB by approximateBytes: rows of a campaign-sized read. */
const rows = (mib: number, tag = 'x') => Array.from({ length: 1000 }, (_, i) => ({ id: `${tag}${i}`, body: 'y'.repeat(Math.round((mib * MiB) / 1000)) }));
const valid = async () => true;

describe('approximateBytes', () => {
  it('weighs strings by their length, and objects, arrays, Maps and Sets by what they hold', () => {
    expect(approximateBytes('a'.repeat(1000))).toBeGreaterThanOrEqual(1000);
    const doc = { id: 'u1', name: 'n'.repeat(500), tags: ['a'.repeat(200)] };
    expect(approximateBytes(doc)).toBeGreaterThan(700);
    expect(approximateBytes(new Map([['k', doc]]))).toBeGreaterThan(approximateBytes(doc));
    expect(approximateBytes(new Set([doc]))).toBeGreaterThan(approximateBytes(doc));
  });

  it('weighs a long collection from a sample, within a few percent of its whole weight when its elements are alike', () => {
    const whole = rows(8).reduce((sum, r) => sum + approximateBytes(r), 0);
    expect(approximateBytes(rows(8)) / whole).toBeGreaterThan(0.95);
    expect(approximateBytes(rows(8)) / whole).toBeLessThan(1.1);
    expect(approximateBytes(rows(8)) / MiB).toBeGreaterThan(7.5);
  });

  it('counts an object reached twice once', () => {
    const doc = { body: 'z'.repeat(10_000) };
    expect(approximateBytes([doc, doc])).toBeLessThan(approximateBytes([doc, { body: 'z'.repeat(10_000) }]));
  });
});

describe('MomentMemos', () => {
  it('shares one load between concurrent requests for a key, and keeps its value', async () => {
    const memos = new MomentMemos({ entries: 4, bytes: 64 * MiB });
    let loads = 0;
    const load = async () => (loads++, rows(1));
    const [a, b] = await Promise.all([memos.remember('k', load, valid), memos.remember('k', load, valid)]);
    expect(a).toBe(b);
    expect(await memos.remember('k', load, valid)).toBe(a);
    expect(loads).toBe(1);
    expect(memos.size.entries).toBe(1);
    expect(memos.size.bytes).toBeGreaterThan(MiB);
  });

  it('drops the least recently used entries once the loaded values weigh more than the byte budget', async () => {
    const memos = new MomentMemos({ entries: 24, bytes: 10 * MiB });
    await memos.remember('a', async () => rows(4, 'a'), valid);
    await memos.remember('b', async () => rows(4, 'b'), valid);
    await memos.remember('a', async () => rows(4, 'a2'), valid); // a used again: b is now the oldest
    await memos.remember('c', async () => rows(4, 'c'), valid);
    expect(memos.size.entries).toBe(2);
    expect(memos.size.bytes).toBeLessThanOrEqual(10 * MiB);
    const a = await memos.remember('a', async () => rows(4, 'again'), valid);
    expect(a[0].id).toBe('a0');
    let reloaded = false;
    await memos.remember('b', async () => ((reloaded = true), rows(4, 'b')), valid);
    expect(reloaded).toBe(true);
  });

  it('moves a loaded value to another key, never one still loading or onto a key taken', async () => {
    const memos = new MomentMemos({ entries: 4, bytes: 64 * MiB });
    const value = await memos.remember('s1|k', async () => rows(1), valid);
    expect(memos.carry('s1|k', 's2|k')).toBe(true);
    let loads = 0;
    expect(await memos.remember('s2|k', async () => (loads++, rows(1)), valid)).toBe(value);
    expect(loads).toBe(0);
    expect(memos.carry('s1|k', 's3|k')).toBe(false);
    let release: (v: string) => void = () => undefined;
    const loading = memos.remember('s4|k', () => new Promise<string>((resolve) => (release = resolve)), valid);
    expect(memos.carry('s4|k', 's5|k')).toBe(false);
    release('done');
    await loading;
    await memos.remember('s6|k', async () => 'other', valid);
    expect(memos.carry('s4|k', 's6|k')).toBe(false);
    expect(memos.size.entries).toBe(3);
  });

  it('keeps no more entries than its count', async () => {
    const memos = new MomentMemos({ entries: 3, bytes: 64 * MiB });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await memos.remember(key, async () => key, valid);
    expect(memos.size.entries).toBe(3);
  });

  it('returns but does not keep a value larger than the whole budget, one no longer valid when loaded, or a failed load', async () => {
    const memos = new MomentMemos({ entries: 24, bytes: 2 * MiB });
    expect((await memos.remember('big', async () => rows(4), valid)).length).toBe(1000);
    expect(await memos.remember('stale', async () => 'old', async () => false)).toBe('old');
    await expect(memos.remember('failed', async () => Promise.reject(new Error('read failed')), valid)).rejects.toThrow('read failed');
    expect(memos.size).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('MomentMemos under a run of keys each asked once', () => {
  it('keeps the entries asked for again and drops the ones never asked again first', async () => {
    const memos = new MomentMemos({ entries: 24, bytes: 13 * MiB });
    let monthLoads = 0;
    const month = async () => (monthLoads++, rows(4, 'month'));
    await memos.remember('month', month, valid);
    await memos.remember('month', month, valid);
    for (let i = 0; i < 10; i++) await memos.remember(`fresh-${i}`, async () => rows(4, `f${i}`), valid);
    await memos.remember('month', month, valid);
    expect(monthLoads).toBe(1);
    expect(memos.size.bytes).toBeLessThanOrEqual(13 * MiB);
  });

  it('keeps the value just loaded until the next load, even when every other entry was asked again', async () => {
    const memos = new MomentMemos({ entries: 24, bytes: 9 * MiB });
    for (const key of ['a', 'b']) {
      await memos.remember(key, async () => rows(4, key), valid);
      await memos.remember(key, async () => rows(4, key), valid);
    }
    let loads = 0;
    const c = async () => (loads++, rows(4, 'c'));
    await memos.remember('c', c, valid);
    await memos.remember('c', c, valid);
    expect(loads).toBe(1);
    expect(memos.size.entries).toBe(2);
  });
});
