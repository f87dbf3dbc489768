import { SqliteEventStore } from '@platform/event-store';
import { computeAsOf } from '../as-of';
import { Projection } from '../projection';
import { evolveInto, PendingDocuments } from '../projection-batch';
import { ProjectionRunner } from '../projection-runner';
import { AnyDocument, ReadStore } from '../read-store.port';
import { sampleEvent } from '../testing/sample-events';
import { groupTallyProjection, TALLY_GROUPS, TALLY_TOTALS } from '../testing/sample-projections';
import { readModelsFile, SqliteReadStore } from './sqlite-read-store';
import { closeSqliteStores, openSqliteStores } from '../testing/sqlite-stores';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function documents(store: ReadStore, collections: readonly string[]): Promise<Record<string, AnyDocument[]>> {
  const result: Record<string, AnyDocument[]> = {};
  for (const c of collections) result[c] = await store.find(c, {}, { sort: { _id: 1 } });
  return result;
}

/** Opens, ticks and closes groups in a fixed pseudo-random order, so documents are created, changed several times per batch and deleted. */
async function appendHistory(events: SqliteEventStore, n: number): Promise<void> {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < n; i++) {
    const group = `g${next() % 6}`;
    const r = next() % 10;
    const type = r < 2 ? 'GroupOpened' : r < 3 ? 'GroupClosed' : 'Ticked';
    await events.append(`group-${group}`, [sampleEvent(type, { group, name: `组 ${group}` })], 'any');
  }
}

describe('document versions (as of a position without replay)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadStore;
  let runner: ProjectionRunner | null;
  const versioned: Projection = { ...groupTallyProjection(), versioned: [TALLY_GROUPS, TALLY_TOTALS] };

  beforeEach(() => {
    ({ dir, events, store } = openSqliteStores('rm-versions-'));
    runner = null;
  });
  afterEach(() => closeSqliteStores({ dir, events, store }, runner));

  /** Appends `count` events and runs the projection (the versioned one unless told), `batchSize` events a batch, until it has them all. */
  async function caughtUpAfter(count: number, batchSize: number, projection = versioned): Promise<ProjectionRunner> {
    await appendHistory(events, count);
    runner = new ProjectionRunner(events, store, [projection], { batchSize, logger: quiet });
    runner.start();
    await runner.caughtUp();
    return runner;
  }

  /** A second connection that filters, sorts and pages every collection in SQL (none is read whole). */
  const filteringInSql = () => new SqliteReadStore({ file: readModelsFile(dir), readWholeAsOfUpTo: 0 });

  /** What a past moment answers, as a replay up to it: its documents, and filtered, sorted and paged queries. */
  async function expectAsReplayed(at: ReadStore, p: number) {
    const replayed = (await computeAsOf(events, versioned, { untilPosition: p })).store;
    expect(await documents(at, versioned.collections)).toEqual(await documents(replayed, versioned.collections));
    for (const filter of [{ _id: { $in: ['g1', 'g4'] } }, { ticks: { $gte: 2 } }, { name: '组 g3', ticks: { $lt: 5 } }]) {
      expect(await at.find(TALLY_GROUPS, filter, { sort: { _id: 1 } })).toEqual(await replayed.find(TALLY_GROUPS, filter, { sort: { _id: 1 } }));
      expect(await at.find(TALLY_GROUPS, filter, { sort: { ticks: -1, _id: 1 }, skip: 1, limit: 2 })).toEqual(
        await replayed.find(TALLY_GROUPS, filter, { sort: { ticks: -1, _id: 1 }, skip: 1, limit: 2 }),
      );
    }
  }

  it('answers every position, inside batches too, exactly as a replay up to it', async () => {
    await caughtUpAfter(120, 7);
    const head = await events.headPosition();
    const inSql = filteringInSql();
    // Read in order, each moment next to the last: a whole read reuses the versions parsed for the moment before.
    for (let p = 0; p <= head; p++) {
      const replayed = await documents((await computeAsOf(events, versioned, { untilPosition: p })).store, versioned.collections);
      for (const reader of [store, inSql]) {
        const at = await reader.versionsAt(versioned.name, p);
        expect(at).not.toBeNull();
        expect(await documents(at!, versioned.collections)).toEqual(replayed);
      }
    }
    await inSql.close();
    const past = (await store.versionsAt(versioned.name, 40))!;
    const live = await documents(past, [TALLY_GROUPS]);
    expect(await past.count(TALLY_GROUPS, { ticks: { $gte: 1 } })).toBe(live[TALLY_GROUPS].filter((d) => (d.ticks as number) >= 1).length);
    expect(await past.find(TALLY_GROUPS, {}, { sort: { ticks: -1 }, limit: 2 })).toEqual(
      [...live[TALLY_GROUPS]].sort((a, b) => (b.ticks as number) - (a.ticks as number) || String(a._id).localeCompare(String(b._id))).slice(0, 2),
    );
  });

  it('reads documents named by id by their keys, at every position exactly as a replay: replaced, deleted, not yet written and never written', async () => {
    await caughtUpAfter(120, 7);
    const head = await events.headPosition();
    const inSql = filteringInSql();
    const named = [
      { _id: { $in: ['g5', 'g0', 'g2', 'g9', 'g2'] } },
      { _id: 'g3' },
      { _id: { $in: ['g1', 'g4'] }, ticks: { $gte: 2 } },
      { _id: { $in: [] } },
    ];
    for (let p = 0; p <= head; p++) {
      const replayed = (await computeAsOf(events, versioned, { untilPosition: p })).store;
      for (const reader of [store, inSql]) {
        const at = (await reader.versionsAt(versioned.name, p))!;
        for (const filter of named) {
          expect(await at.find(TALLY_GROUPS, filter, { sort: { _id: 1 } })).toEqual(await replayed.find(TALLY_GROUPS, filter, { sort: { _id: 1 } }));
          expect(await at.count(TALLY_GROUPS, filter)).toBe(await replayed.count(TALLY_GROUPS, filter));
        }
        expect(await at.find(TALLY_GROUPS, named[0], { sort: { ticks: -1, _id: 1 }, skip: 1, limit: 2 })).toEqual(
          await replayed.find(TALLY_GROUPS, named[0], { sort: { ticks: -1, _id: 1 }, skip: 1, limit: 2 }),
        );
      }
    }
    await inSql.close();
  });

  it('closes the version a document had before each live commit, however many it had, exactly as a replay', async () => {
    runner = new ProjectionRunner(events, store, [versioned], { batchSize: 3, logger: quiet, pollMs: 10 });
    runner.start();
    // Committed a few events at a time: each commit closes the open version of documents written by many before it.
    for (let round = 0; round < 12; round++) {
      await appendHistory(events, 5);
      await runner.caughtUp();
    }
    const head = await events.headPosition();
    for (let p = 0; p <= head; p++) {
      const replayed = await documents((await computeAsOf(events, versioned, { untilPosition: p })).store, versioned.collections);
      expect(await documents((await store.versionsAt(versioned.name, p))!, versioned.collections)).toEqual(replayed);
    }
    const open = store.db.prepare(`SELECT collection, id, count(*) AS n FROM document_versions WHERE valid_to = ${Number.MAX_SAFE_INTEGER} GROUP BY collection, id HAVING n > 1`).all();
    expect(open).toEqual([]);
  });

  it('keeps every version exact when documents are stored once per write-behind flush spanning many batches', async () => {
    await appendHistory(events, 200);
    const commits: number[] = [];
    runner = new ProjectionRunner(events, store, [versioned], {
      batchSize: 2,
      // Two versions an event: each flush stores more than a hundred (inserted a hundred per statement).
      writeBehind: { events: 60 },
      logger: quiet,
      onCommitted: (_, position) => commits.push(position),
    });
    // A first start catching up (a rebuild is bounded by memory alone).
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    const head = await events.headPosition();
    // Batches of 20 events while far behind, stored once 60 events were applied: a few flushes, not a hundred batches.
    expect(commits.length).toBeGreaterThan(2);
    expect(commits.length).toBeLessThan(10);
    expect(commits[commits.length - 1]).toBe(head);
    for (let p = 0; p <= head; p++) {
      const replayed = (await computeAsOf(events, versioned, { untilPosition: p })).store;
      expect(await documents((await store.versionsAt(versioned.name, p))!, versioned.collections)).toEqual(await documents(replayed, versioned.collections));
    }
    const rows = () => store.db.prepare('SELECT collection, id, valid_from, valid_to, body FROM document_versions ORDER BY collection, id, valid_from').all();
    const kept = rows();
    // The same rows as committing every batch on its own.
    runner = new ProjectionRunner(events, store, [versioned], { batchSize: 2, writeBehind: false, logger: quiet });
    await runner.rebuild(versioned.name);
    expect(rows()).toEqual(kept);
  });

  /** Every version stored, and the range entry of each (none for an empty range), in the key's order. */
  const storedVersions = () => ({
    versions: store.db.prepare('SELECT collection, id, valid_from, valid_to, body FROM document_versions ORDER BY collection, id, valid_from').all(),
    ranges: store.db
      .prepare(
        `SELECT v.collection, v.id, v.valid_from, r.c_lo, r.c_hi, r.p_lo, r.p_hi FROM document_version_ranges AS r
         LEFT JOIN document_versions AS v ON v.rowid = r.vid ORDER BY v.collection, v.id, v.valid_from`,
      )
      .all(),
  });

  /** The history projected live, each batch of three committed on its own, then stopped. */
  async function committedLive(): Promise<void> {
    runner = new ProjectionRunner(events, store, [versioned], { batchSize: 3, writeBehind: false, logger: quiet });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
  }

  /** The store, with a count of the versions it was given to write ahead of commits. */
  function countingAhead(): { store: SqliteReadStore; ahead: { calls: number; versions: number } } {
    const ahead = { calls: 0, versions: 0 };
    const counting = Object.create(store) as SqliteReadStore;
    counting.writeVersionsAhead = (a) => {
      ahead.calls++;
      ahead.versions += a.versions.length;
      return store.writeVersionsAhead(a);
    };
    return { store: counting, ahead };
  }

  it('stores, row for row and range for range, the versions live commits store when a rebuild writes replaced versions ahead of its commits (deletions included)', async () => {
    await appendHistory(events, 240);
    await committedLive();
    const live = storedVersions();
    // Deletions: versions closed by no later version of their document.
    const deleted = store.db.prepare(
      `SELECT count(*) AS n FROM document_versions AS v WHERE valid_to <> ${Number.MAX_SAFE_INTEGER}
       AND NOT EXISTS (SELECT 1 FROM document_versions AS w WHERE w.collection = v.collection AND w.id = v.id AND w.valid_from = v.valid_to)`,
    );
    expect((deleted.get() as { n: number }).n).toBeGreaterThan(0);

    const { store: counting, ahead } = countingAhead();
    const commits: number[] = [];
    // Versions written ahead after every batch; documents committed when their few hundred bytes pass the bound, and at the end.
    runner = new ProjectionRunner(events, counting, [versioned], {
      batchSize: 2,
      writeBehind: { bytes: 250, versionsAheadBytes: 1 },
      logger: quiet,
      onCommitted: (_, position) => commits.push(position),
    });
    await runner.rebuild(versioned.name);
    expect(ahead.calls).toBeGreaterThan(5);
    expect(commits.length).toBeGreaterThan(2);
    expect(commits.length).toBeLessThan(ahead.calls);
    expect(storedVersions()).toEqual(live);
    expect(store.db.prepare('SELECT * FROM versions_ahead').all()).toEqual([]);
    const head = await events.headPosition();
    for (const p of [0, 17, 101, 180, head]) {
      const replayed = (await computeAsOf(events, versioned, { untilPosition: p })).store;
      expect(await documents((await store.versionsAt(versioned.name, p))!, versioned.collections)).toEqual(await documents(replayed, versioned.collections));
    }
  });

  it('drops the versions a rebuild wrote ahead of a commit that never came: a start from its checkpoint stores the versions of live commits', async () => {
    await appendHistory(events, 60);
    await committedLive();
    const checkpoint = (await store.checkpoint(versioned.name))!.position;
    await appendHistory(events, 140);
    // What a rebuild's process that died before its next commit leaves: the versions the later events
    // replaced written ahead (closing versions stored open at the checkpoint), nothing else of them.
    const pending = new PendingDocuments(versioned);
    await evolveInto(pending, await events.readAll({ after: checkpoint }), store);
    await store.writeVersionsAhead({ projection: versioned.name, collections: versioned.collections, versions: pending.takeReplaced(true) });
    const aheadOf = store.db.prepare(
      `SELECT count(*) AS n FROM document_versions WHERE valid_from > ? OR (valid_to > ? AND valid_to <> ${Number.MAX_SAFE_INTEGER} AND valid_from <= ?)`,
    );
    const countAhead = (position: number) => (aheadOf.get(position, position, position) as { n: number }).n;
    expect(countAhead(checkpoint + 20)).toBeGreaterThan(0);
    // Meanwhile a read as of a position up to the checkpoint is exact: versions ahead lie beyond it.
    const replayed = (await computeAsOf(events, versioned, { untilPosition: checkpoint })).store;
    expect(await documents((await store.versionsAt(versioned.name, checkpoint))!, versioned.collections)).toEqual(await documents(replayed, versioned.collections));

    // From its first commit on, no version lies beyond the checkpoint, nor is one current at it closed beyond it.
    const beyond: number[] = [];
    runner = new ProjectionRunner(events, store, [versioned], { batchSize: 1, writeBehind: false, logger: quiet, onCommitted: (_, p) => beyond.push(countAhead(p)) });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    expect(beyond.length).toBeGreaterThan(2);
    expect(beyond).toEqual(beyond.map(() => 0));
    expect(store.db.prepare('SELECT * FROM versions_ahead').all()).toEqual([]);
    const resumed = storedVersions();
    runner = new ProjectionRunner(events, store, [versioned], { batchSize: 3, writeBehind: false, logger: quiet });
    await runner.rebuild(versioned.name);
    expect(resumed).toEqual(storedVersions());
  });

  it('covers nothing beyond the checkpoint, and after a rebuild again from position 0', async () => {
    const running = await caughtUpAfter(30, 10);
    await running.stop();
    await appendHistory(events, 5);
    const head = await events.headPosition();
    expect(await store.versionsAt(versioned.name, head)).toBeNull();
    expect(await store.versionsAt('another', 1)).toBeNull();
    await running.rebuild(versioned.name);
    const replayed = (await computeAsOf(events, versioned, { untilPosition: 12 })).store;
    expect(await documents((await store.versionsAt(versioned.name, 12))!, versioned.collections)).toEqual(await documents(replayed, versioned.collections));
  });

  it('starts from the documents at the checkpoint when a projection begins to keep versions late', async () => {
    const unversioned = await caughtUpAfter(40, 10, groupTallyProjection());
    await unversioned.stop();
    const from = await events.headPosition();
    await caughtUpAfter(20, 10);
    expect(await store.versionsAt(versioned.name, from - 1)).toBeNull();
    for (const p of [from, from + 9, await events.headPosition()]) {
      const replayed = (await computeAsOf(events, versioned, { untilPosition: p })).store;
      expect(await documents((await store.versionsAt(versioned.name, p))!, versioned.collections)).toEqual(await documents(replayed, versioned.collections));
    }
  });

  it('reads only versioned collections and writes nothing', async () => {
    const partly: Projection = { ...groupTallyProjection(), versioned: [TALLY_TOTALS] };
    await caughtUpAfter(10, 10, partly);
    const at = (await store.versionsAt(partly.name, 5))!;
    await expect(at.find(TALLY_GROUPS)).rejects.toThrow(/keeps no versions/);
    await expect(at.commit({ projection: partly.name, version: 1, fromPosition: 0, toPosition: 1, writes: [] })).rejects.toThrow(/read-only/);
  });

  it('bounds a count at its limit', async () => {
    await caughtUpAfter(60, 10);
    const all = await store.count(TALLY_GROUPS);
    expect(all).toBeGreaterThan(2);
    expect(await store.count(TALLY_GROUPS, {}, { limit: 2 })).toBe(2);
    expect(await store.count(TALLY_GROUPS, { name: { $regex: '^组' } }, { limit: 2 })).toBe(2);
    expect(await store.count(TALLY_GROUPS, {}, { limit: all + 5 })).toBe(all);
  });

  it('filters past documents in SQL as the live store does, fills the range index of a file written before it, and ranges each commit\'s versions once, and versions inserted otherwise by the trigger', async () => {
    await (await caughtUpAfter(80, 9)).stop();
    runner = null;
    const inSql = filteringInSql();
    for (const p of [1, 33, 60]) await expectAsReplayed((await inSql.versionsAt(versioned.name, p))!, p);
    await inSql.close();
    for (const p of [1, 33, 60]) await expectAsReplayed((await store.versionsAt(versioned.name, p))!, p);
    // A file from before the range index: no R-tree, no triggers (its insert trigger is gone already). Reopened, it is built from the versions.
    store.db.exec('DROP TRIGGER document_versions_reranged; DROP TRIGGER document_versions_unranged; DROP TABLE document_version_ranges');
    await store.close();
    store = new SqliteReadStore({ file: readModelsFile(dir) });
    for (const p of [1, 33, 60]) await expectAsReplayed((await store.versionsAt(versioned.name, p))!, p);

    // A file whose versions got their ranges from a trigger per insert: reopened, the trigger stays
    // for other writers (an earlier version of the platform sharing the file), and a commit, which
    // ranges its own versions in one statement, gets each range once.
    store.db.exec(`DROP TRIGGER document_versions_ranged; CREATE TRIGGER document_versions_ranged AFTER INSERT ON document_versions BEGIN
      INSERT OR REPLACE INTO document_version_ranges (vid, c_lo, c_hi, p_lo, p_hi)
      SELECT new.rowid, k.code, k.code, new.valid_from, min(new.valid_to, 2147483648) - 1
      FROM version_collections AS k WHERE k.collection = new.collection AND new.valid_to > new.valid_from;
    END`);
    await store.close();
    store = new SqliteReadStore({ file: readModelsFile(dir) });
    await (await caughtUpAfter(50, 4)).stop();
    runner = null;
    const counts = () => ({
      ranges: (store.db.prepare('SELECT count(*) AS n FROM document_version_ranges').get() as { n: number }).n,
      versions: (store.db.prepare('SELECT count(*) AS n FROM document_versions WHERE valid_to > valid_from').get() as { n: number }).n,
    });
    expect(counts().ranges).toBe(counts().versions);
    // A version inserted as an earlier version of the platform inserts it: ranged by the trigger.
    const before = counts();
    store.db.prepare("INSERT INTO document_versions (collection, id, valid_from, valid_to, body) VALUES (?, 'extra', 1, 2, '{}')").run(TALLY_GROUPS);
    expect(counts()).toEqual({ ranges: before.ranges + 1, versions: before.versions + 1 });
    store.db.prepare("DELETE FROM document_versions WHERE id = 'extra'").run();
    for (const p of [1, 60, 75, 110]) await expectAsReplayed((await store.versionsAt(versioned.name, p))!, p);
  });

  it('a reset dropping most of the versions makes the R-tree anew with the entries of the others, one dropping few deletes its own', async () => {
    await (await caughtUpAfter(60, 10)).stop();
    runner = null;
    const db = store.db;
    const counts = () => ({
      ranges: (db.prepare('SELECT count(*) AS n FROM document_version_ranges').get() as { n: number }).n,
      versions: (db.prepare('SELECT count(*) AS n FROM document_versions WHERE valid_to > valid_from').get() as { n: number }).n,
    });
    // Another projection's collection holding most versions, ranged by the insert trigger.
    db.prepare("INSERT INTO version_collections (collection) VALUES ('many_versions')").run();
    const insert = db.prepare("INSERT INTO document_versions (collection, id, valid_from, valid_to, body) VALUES ('many_versions', ?, ?, ?, '{}')");
    for (let i = 0; i < 500; i++) insert.run(`d${i % 7}`, i + 1, i % 3 === 0 ? i + 1 : i + 8);
    const before = counts();
    expect(before.ranges).toBe(before.versions);
    const exec = jest.spyOn(db, 'exec');
    const madeAnew = () => exec.mock.calls.some(([sql]) => sql.includes('DROP TABLE document_version_ranges'));
    await store.reset('another-projection', ['many_versions']);
    expect(madeAnew()).toBe(true);
    expect(counts()).toEqual({ ranges: before.versions - 333, versions: before.versions - 333 });
    // The ranges that stayed answer as before.
    for (const p of [1, 30, 60]) await expectAsReplayed((await store.versionsAt(versioned.name, p))!, p);
    exec.mockClear();
    for (let i = 0; i < 20; i++) insert.run(`d${i}`, i + 1, i + 2);
    await store.reset('another-projection', ['many_versions']);
    expect(madeAnew()).toBe(false);
    expect(counts()).toEqual({ ranges: before.versions - 333, versions: before.versions - 333 });
    await store.reset(versioned.name, versioned.collections);
    expect(counts()).toEqual({ ranges: 0, versions: 0 });
    exec.mockRestore();
  });

  it('drops the versions parsed for earlier moments when another connection rebuilds them differently', async () => {
    await (await caughtUpAfter(60, 10)).stop();
    runner = null;
    const reader = new SqliteReadStore({ file: readModelsFile(dir) });
    const before = await documents((await reader.versionsAt(versioned.name, 40))!, versioned.collections);
    expect(Object.isFrozen(before[TALLY_GROUPS][0])).toBe(true);
    // Same name, same positions, other documents: the new versions may take the row numbers of the old.
    const reweighted: Projection = { ...groupTallyProjection({ weight: 3 }), versioned: [TALLY_GROUPS, TALLY_TOTALS] };
    await store.reset(versioned.name, versioned.collections);
    runner = new ProjectionRunner(events, store, [reweighted], { batchSize: 10, logger: quiet });
    runner.start();
    await runner.caughtUp();
    const replayed = await documents((await computeAsOf(events, reweighted, { untilPosition: 40 })).store, versioned.collections);
    expect(replayed).not.toEqual(before);
    expect(await documents((await reader.versionsAt(versioned.name, 40))!, versioned.collections)).toEqual(replayed);
    await reader.close();
  });
});
