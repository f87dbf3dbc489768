import { PendingVersions } from './pending-versions';
import { DocumentVersion } from './read-store.port';
import { replacedAt } from './version-ranges';

/** A deterministic stream of images: at each position, one of `docs` documents of two collections gets a new image (now and then a deletion). */
function images(count: number, docs: number, seed = 7): DocumentVersion[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, (_, i) => {
    const n = next() % docs;
    const collection = n % 2 === 0 ? 'problems' : 'tallies';
    const id = `d${n}`;
    return next() % 17 === 0 ? { position: i + 1, collection, id, doc: null } : { position: i + 1, collection, id, body: JSON.stringify({ _id: id, at: i + 1 }) };
  });
}

describe('pending versions: what a rebuild takes out ahead of its commit', () => {
  it('takes out, round after round, exactly the images a later one replaced, with their ranges, each document\'s in event order, and keeps each latest image', () => {
    const all = images(5_000, 300);
    const until = replacedAt(all, -1);
    const pending = new PendingVersions();
    const taken: Array<[number, string, number]> = [];
    // Rounds of uneven lengths, as a rebuild's write-ahead comes whenever enough text is held.
    const ends = [1, 2, 40, 41, 700, 1_900, 1_901, 3_333, 5_000];
    let from = 0;
    for (const end of ends) {
      for (const v of all.slice(from, end)) pending.add(v);
      const round = pending.takeReplaced(false);
      const firstOf = new Map<string, number>();
      for (const v of round) {
        const key = `${v.collection}/${v.id}`;
        expect(v.position).toBeGreaterThan(firstOf.get(key) ?? 0);
        firstOf.set(key, v.position);
      }
      taken.push(...round.map((v): [number, string, number] => [v.position, `${v.collection}/${v.id}`, v.validTo]));
      from = end;
    }
    const expected = all.flatMap((v, i): Array<[number, string, number]> => (until[i] < 0 ? [] : [[v.position, `${v.collection}/${v.id}`, until[i]]]));
    expect(taken.sort((a, b) => a[0] - b[0])).toEqual(expected);
    expect(pending.all()).toEqual(all.filter((_, i) => until[i] < 0));
  });

  it('lists every image held, replaced ones included, until they are taken out', () => {
    const all = images(200, 20);
    const pending = new PendingVersions();
    for (const v of all.slice(0, 120)) pending.add(v);
    pending.takeReplaced(false);
    for (const v of all.slice(120)) pending.add(v);
    const until = replacedAt(all.slice(0, 120), -1);
    expect(pending.all()).toEqual([...all.slice(0, 120).filter((_, i) => until[i] < 0), ...all.slice(120)]);
  });

  it('has the first image of each document taken out, and only it, close the version stored before them, across rounds; none after a reset', () => {
    const all = images(1_000, 50);
    const stored = new PendingVersions();
    const fresh = new PendingVersions();
    const closers: string[] = [];
    for (const end of [100, 400, 1_000]) {
      for (const v of all.slice(end === 100 ? 0 : end === 400 ? 100 : 400, end)) {
        stored.add(v);
        fresh.add(v);
      }
      closers.push(...stored.takeReplaced(true).filter((v) => v.closes).map((v) => `${v.collection}/${v.id}`));
      expect(fresh.takeReplaced(false).some((v) => v.closes)).toBe(false);
    }
    const until = replacedAt(all, -1);
    const replacedDocs = new Set(all.filter((_, i) => until[i] >= 0).map((v) => `${v.collection}/${v.id}`));
    expect([...closers].sort()).toEqual([...replacedDocs].sort());
    expect(stored.ahead?.closed.size).toBe(replacedDocs.size);
  });

  it('counts the text it holds, and what was added since images were last taken out', () => {
    const all = images(300, 10);
    const pending = new PendingVersions();
    const text = (vs: DocumentVersion[]) => vs.reduce((n, v) => n + (v.body?.length ?? 0), 0);
    for (const v of all.slice(0, 200)) pending.add(v);
    expect(pending.ahead).toBeNull();
    expect(pending.bytes).toBe(text(all.slice(0, 200)));
    pending.takeReplaced(false);
    expect(pending.bytes).toBe(text(pending.all()));
    expect(pending.newBytes).toBe(0);
    for (const v of all.slice(200)) pending.add(v);
    expect(pending.newBytes).toBe(text(all.slice(200)));
    expect(pending.ahead).not.toBeNull();
  });
});

