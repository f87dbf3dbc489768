import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@platform/event-store';
import { EventRow, migrateEventStore, toStored } from '@platform/event-store/sqlite/sqlite-schema';
import { AnyDocument, matcher, Projection, ProjectionContext, ProjectionRunner, SqliteReadStore } from '@platform/read-models';
import { VIEW_PROJECTIONS } from '@platform/views';
import { PreparedCity } from '../support/city-data';
import { compare, ratioAtLeast, SectionResult } from '../support/model';
import { bulkLoadEmmett, emmettConnection, emmettReadAll } from '../support/peer';
import { profileInProcess } from '../support/profile';
import { interleave, READ_SAMPLE_MS, sustainedRate } from '../support/stats';
import { readAllEvents } from '../support/events';
import { removeDir, tempDir } from '../support/temp';
import { buildHttpWorld } from './world';

export interface RebuildOptions {
  readonly rounds: number;
  readonly seed: number;
  readonly maxEvents: number;
  readonly profile: boolean;
  readonly city: PreparedCity | null;
  readonly log: (line: string) => void;
}

const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };
const rate = (events: number, ms: number) => (events / ms) * 1000;

/** The first `max` events of a history, byte for byte (hash chain intact), into a new store file. */
function copyPrefix(sourceFile: string, targetFile: string, max: number): number {
  const source = new Database(sourceFile, { readonly: true });
  const target = new Database(targetFile);
  try {
    target.pragma('journal_mode = WAL');
    migrateEventStore(target);
    const insert = target.prepare(
      `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata,
         occurred_at, recorded_at, idempotency_key, prev_hash, hash)
       VALUES (@position, @event_id, @stream_id, @stream_revision, @type, @schema_version, @data, @metadata,
         @occurred_at, @recorded_at, @idempotency_key, @prev_hash, @hash)`,
    );
    let n = 0;
    target.transaction(() => {
      for (const row of source.prepare<[number], EventRow>('SELECT * FROM events WHERE position <= ? ORDER BY position').iterate(max)) {
        insert.run(row);
        n++;
      }
    })();
    target.pragma('wal_checkpoint(TRUNCATE)');
    return n;
  } finally {
    source.close();
    target.close();
  }
}

/**
 * A collection of the raw loop: documents in a Map, and for each scalar field the projection
 * declares an index on, its values' documents, so a `find` by such a field looks its documents up
 * as the store's index does instead of scanning the collection (a scan per event made the loop
 * quadratic in history length once a projection searched its growing collection on every event).
 */
class RawCollection {
  readonly docs = new Map<string, AnyDocument>();
  private readonly byField = new Map<string, Map<unknown, Set<string>>>();

  constructor(indexed: readonly string[]) {
    for (const f of indexed) this.byField.set(f, new Map());
  }

  set(doc: AnyDocument): void {
    this.delete(doc._id);
    this.docs.set(doc._id, doc);
    for (const [f, values] of this.byField) {
      const v = doc[f];
      let ids = values.get(v);
      if (!ids) values.set(v, (ids = new Set()));
      ids.add(doc._id);
    }
  }

  delete(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    this.docs.delete(id);
    for (const [f, values] of this.byField) values.get(old[f])?.delete(id);
  }

  find(filter: Record<string, unknown>): AnyDocument[] {
    const test = matcher(filter);
    for (const [f, values] of this.byField) {
      const wanted = filter[f];
      if (wanted === null || typeof wanted === 'object') continue;
      return [...(values.get(wanted) ?? [])].map((id) => this.docs.get(id)!).filter(test);
    }
    return [...this.docs.values()].filter(test);
  }
}

/**
 * The limit: one pass over the rows (better-sqlite3 iterate), every projection's own evolve applied
 * in memory to plain Maps (with the projections' declared single-field indexes) — no batches, no
 * copies, no JSON round trip of documents, no commits.
 */
export async function rawLoop(eventsFile: string, projections: readonly Projection[]): Promise<{ events: number; documents: number }> {
  const db = new Database(eventsFile, { readonly: true });
  const collections = new Map<string, RawCollection>();
  const indexed = new Map<string, string[]>();
  for (const p of projections) {
    for (const [c, fields] of Object.entries(p.indexes ?? {})) {
      indexed.set(c, Object.entries(fields).filter(([f, shape]) => shape === 'scalar' && !f.includes(',')).map(([f]) => f));
    }
  }
  const coll = (name: string) => {
    let c = collections.get(name);
    if (!c) collections.set(name, (c = new RawCollection(indexed.get(name) ?? [])));
    return c;
  };
  const ctx: ProjectionContext = {
    async get(collection, id) {
      return (coll(collection).docs.get(id) ?? null) as never;
    },
    async find(collection, filter) {
      return coll(collection).find(filter ?? {}) as never;
    },
  };
  const byType = new Map<string, Projection[]>();
  for (const p of projections) for (const t of p.handles) byType.set(t, [...(byType.get(t) ?? []), p]);
  let events = 0;
  try {
    for (const row of db.prepare<[], EventRow>('SELECT * FROM events ORDER BY position').iterate()) {
      events++;
      const interested = byType.get(row.type);
      if (!interested) continue;
      const e = toStored(row);
      for (const p of interested) {
        for (const w of await p.evolve(e, ctx)) {
          if (w.op === 'upsert') coll(w.collection).set(w.doc as AnyDocument);
          else if (w.op === 'merge') coll(w.collection).set(w.apply(coll(w.collection).docs.get(w.id) ?? null) as AnyDocument);
          else coll(w.collection).delete(w.id);
        }
      }
    }
  } finally {
    db.close();
  }
  let documents = 0;
  for (const c of collections.values()) documents += c.docs.size;
  return { events, documents };
}

/** Ours: the projection runner's rebuild of every view, together in one pass, into a fresh embedded read store. */
async function oursRebuild(eventsFile: string, dir: string, round: number): Promise<{ ms: number; perProjection: Record<string, number> }> {
  const events = new SqliteEventStore({ file: eventsFile });
  const readFile = join(dir, `read-models-${round}-${Math.random().toString(36).slice(2)}.sqlite`);
  const store = new SqliteReadStore({ file: readFile });
  try {
    const runner = new ProjectionRunner(events, store, VIEW_PROJECTIONS, { logger: quiet });
    const t0 = performance.now();
    const results = await runner.rebuildAll(VIEW_PROJECTIONS.map((p) => p.name));
    const ms = performance.now() - t0;
    const perProjection = Object.fromEntries(results.map((r) => [r.name, Math.round(r.busyMs)]));
    // What is not one projection's own work: the shared reads of events and the pass's bookkeeping.
    perProjection['reading events (shared)'] = Math.round(ms - results.reduce((sum, r) => sum + r.busyMs, 0));
    return { ms, perProjection };
  } finally {
    await store.close();
    await events.close();
    for (const suffix of ['', '-wal', '-shm']) removeDir(readFile + suffix);
  }
}

export async function benchRebuild(o: RebuildOptions): Promise<SectionResult> {
  const started = performance.now();
  const dir = tempDir('rebuild');
  const eventsFile = join(dir, 'events.sqlite');
  let source: string;
  let total: number;
  if (o.city) {
    total = copyPrefix(join(o.city.sourceDir, 'events.sqlite'), eventsFile, o.maxEvents);
    source = `the first ${total.toLocaleString('en-US')} events of the generated city (seed ${o.city.marker.seed}, scale ${o.city.marker.scale}; ${o.city.marker.events.toLocaleString('en-US')} events in all), copied byte for byte`;
  } else {
    o.log('  no city: building a smaller world through the HTTP API');
    const world = await buildHttpWorld({ dataDir: join(dir, 'world'), seed: o.seed, units: 200, problems: 800, log: o.log });
    total = copyPrefix(join(world.dataDir, 'events.sqlite'), eventsFile, o.maxEvents);
    source = `a world built through the HTTP API (${world.summary}; the city generator was not available)`;
  }
  o.log(`  ${total} events: ${source}`);
  const typeCounts = (() => {
    const db = new Database(eventsFile, { readonly: true });
    try {
      return db.prepare<[], { type: string; n: number }>('SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC').all();
    } finally {
      db.close();
    }
  })();

  const perProjection: Array<Record<string, number>> = [];
  let rawDocuments = 0;
  o.log('  rebuild every projection (ours) against one raw pass applying the same evolve functions');
  const rebuild = await interleave(
    [
      {
        key: 'ours',
        run: async (round) => {
          const r = await oursRebuild(eventsFile, dir, round);
          if (round >= 0) perProjection.push(r.perProjection);
          return rate(total, r.ms);
        },
      },
      {
        key: 'raw',
        run: async () => {
          const t0 = performance.now();
          const r = await rawLoop(eventsFile, VIEW_PROJECTIONS);
          rawDocuments = r.documents;
          return rate(r.events, performance.now() - t0);
        },
      },
    ],
    { rounds: o.rounds, log: o.log },
  );

  // The same history in Emmett's tables, read back with its read-all (readMessagesBatch).
  const emmettFile = join(dir, 'emmett.sqlite');
  const reader = new Database(eventsFile, { readonly: true });
  const positions = new Map<string, number>();
  await bulkLoadEmmett(
    emmettFile,
    (function* () {
      for (const r of reader.prepare<[], EventRow>('SELECT * FROM events ORDER BY position').iterate()) {
        const streamPosition = (positions.get(r.stream_id) ?? 0) + 1;
        positions.set(r.stream_id, streamPosition);
        const meta = JSON.parse(r.metadata) as Record<string, unknown>;
        yield {
          streamId: r.stream_id,
          streamPosition,
          type: r.type,
          dataJson: r.data,
          metadataJson: JSON.stringify({ streamName: r.stream_id, messageId: r.event_id, streamPosition: String(streamPosition), ...meta }),
          messageId: r.event_id,
        };
      }
    })(),
  );
  reader.close();
  const ours = new SqliteEventStore({ file: eventsFile });
  const conn = await emmettConnection(emmettFile);
  o.log('  read all (500 per batch, as the runner reads) against Emmett readMessagesBatch on the same history');
  const readAll = await interleave(
    [
      {
        key: 'ours',
        run: () => sustainedRate(() => readAllEvents(ours, 500)),
      },
      {
        key: 'emmett',
        run: () => sustainedRate(() => emmettReadAll(conn, 500)),
      },
    ],
    { rounds: o.rounds, log: o.log },
  );
  conn.close();
  await ours.close();

  const profiles = [];
  const ratio = rebuild.samples.ours.map((x, i) => x / rebuild.samples.raw[i]);
  const missed = ratio.sort((a, b) => a - b)[Math.floor(ratio.length / 2)] < 0.5;
  if (o.profile) {
    o.log(`  profiling one extra rebuild (not timed)${missed ? ': the target was missed' : ''}`);
    profiles.push((await profileInProcess('rebuild of every projection (ours)', () => oursRebuild(eventsFile, dir, 99))).summary);
    profiles.push((await profileInProcess('raw loop (same evolve functions, in memory)', () => rawLoop(eventsFile, VIEW_PROJECTIONS))).summary);
  }
  removeDir(dir);

  const medianPer: Record<string, number> = {};
  for (const p of VIEW_PROJECTIONS) {
    const xs = perProjection.map((r) => r[p.name]).sort((a, b) => a - b);
    medianPer[p.name] = xs[Math.floor(xs.length / 2)];
  }
  const shared = perProjection.map((r) => r['reading events (shared)']).sort((a, b) => a - b);
  medianPer['reading events and the rest of the shared pass'] = shared[Math.floor(shared.length / 2)];
  return {
    key: 'rebuild',
    title: '2. Reading all events and rebuilding every projection',
    setup: [
      `History: ${source}. Event types: ${typeCounts.slice(0, 8).map((t) => `${t.type} ${t.n}`).join(', ')}${typeCounts.length > 8 ? `, and ${typeCounts.length - 8} more types` : ''}.`,
      `Ours: \`ProjectionRunner.rebuildAll\` of the ${VIEW_PROJECTIONS.length} view projections (${VIEW_PROJECTIONS.map((p) => p.name).join(', ')}) together: one pass over the SQLite event store (500 events per read, by position: the audit trail handles every type the others do), each batch handed to every projection with its own types; each keeps its changed documents in memory across batches and commits them with its checkpoint once per 50,000 of its events, when the projections together hold 64 MiB of pending JSON, or at the end, into a fresh embedded read store (WAL, synchronous=NORMAL: a lost last commit is replayed from the event store; documents and versions inserted a hundred rows per statement); SQLite's temporary files (statement journals, sorts) kept in memory; over the 64 MiB, the projection holding the most commits first; the array fields' rows and indexes, and every index of the audit trail's entries, are built once at the end, and every rebuilt collection's statistics taken then, once. Rate = events in the history / total time.`,
      `Raw loop: one better-sqlite3 \`iterate()\` over the same rows, each row turned into the same envelope, every projection's own \`evolve\` applied to plain in-memory Maps, with the projections' declared single-field indexes answering \`find\` (no batching, no document copies, nothing written): the floor of the work, not a usable read model. It ends with ${rawDocuments.toLocaleString('en-US')} documents.`,
      `${o.rounds} rounds after one dropped warm-up round, order alternating. Median time per projection (ours; its own evolve and commits within the shared pass): ${Object.entries(medianPer).map(([k, v]) => `${k} ${v} ms`).join(', ')}.`,
      `Read all (city history): ours \`readAll\` and Emmett's \`readMessagesBatch\`, 500 events per call, over the same history in each one's tables, after the rebuild rounds in the same process; each sample reads the whole history again and again for at least ${READ_SAMPLE_MS / 1000} s (one pass takes 100-300 ms) and gives the rate over all its passes.`,
    ],
    comparisons: [
      compare('rebuild every projection', 'events/s', { label: 'ours', samples: rebuild.samples.ours }, { label: 'raw loop, same evolve', samples: rebuild.samples.raw }, ratioAtLeast(0.5, '≥ 0.5 × raw loop')),
      compare('read all (city history)', 'events/s', { label: 'ours readAll', samples: readAll.samples.ours }, { label: 'Emmett readMessagesBatch', samples: readAll.samples.emmett }, ratioAtLeast(2, '≥ 2 × Emmett')),
    ],
    notes: [],
    profiles,
    raw: { events: total, typeCounts, rebuild, perProjection, readAll },
    durationMs: performance.now() - started,
  };
}
