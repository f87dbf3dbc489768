import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@platform/event-store';
import { applyEventStorePragmas, migrateEventStore } from '@platform/event-store/sqlite/sqlite-schema';
import { meanPayloadBytes, metadataJson, PlannedAppend, plannedAppends, SeededRandom } from '../support/events';
import { compare, ratioAtLeast, SectionResult } from '../support/model';
import { emmettAppend, emmettConnection, emmettPragmas, emmettRetries, emmettStore, emmettVersion, toEmmett, withEmmettRetry } from '../support/peer';
import { profileInProcess } from '../support/profile';
import { Contender, interleave } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';

export interface AppendsOptions {
  readonly rounds: number;
  readonly seed: number;
  /** Events appended one per append, per round and contender. */
  readonly singleEvents: number;
  /** Appends of 100 events, per round and contender. */
  readonly batches: number;
  /** Single-event appends per round in the concurrent case. */
  readonly concurrentEvents: number;
  readonly inFlight: number;
  readonly profile: boolean;
  readonly log: (line: string) => void;
}

const WARMUP_APPENDS = 20;

/** A fresh store per round: every contender starts each round from an empty file. */
async function withTemp<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir(prefix);
  try {
    return await fn(dir);
  } finally {
    removeDir(dir);
  }
}

const rate = (events: number, ms: number) => (events / ms) * 1000;
const eventCount = (plan: readonly PlannedAppend[]) => plan.reduce((n, a) => n + a.events.length, 0);

/** Warm-up appends to a stream of their own, before the timed part (page cache, JIT, statement cache). */
function warmPlan(seed: number, perAppend: number) {
  return plannedAppends(seed ^ 0x5eed, WARMUP_APPENDS, perAppend, 1, 'warm');
}

// ---- our store --------------------------------------------------------------------------------

async function oursSequential(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[]): Promise<number> {
  return withTemp('ours', async (dir) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    try {
      for (const a of warm) await store.append(a.streamId, a.events, a.expected);
      const t0 = performance.now();
      for (const a of plan) await store.append(a.streamId, a.events, a.expected);
      return rate(eventCount(plan), performance.now() - t0);
    } finally {
      await store.close();
    }
  });
}

/** `inFlight` commands at once, each appending to its own streams, one event per append. */
async function oursConcurrent(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[], inFlight: number): Promise<number> {
  return withTemp('ours-conc', async (dir) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    try {
      for (const a of warm) await store.append(a.streamId, a.events, a.expected);
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async (_, w) => {
          for (let i = w; i < plan.length; i += inFlight) await store.append(plan[i].streamId, plan[i].events, plan[i].expected);
        }),
      );
      return rate(eventCount(plan), performance.now() - t0);
    } finally {
      await store.close();
    }
  });
}

// ---- the limit: better-sqlite3, same table, same pragmas --------------------------------------

/**
 * Raw inserts of the same rows into the same table (same columns, indexes and constraints, same
 * JSON text), WAL + synchronous=FULL; one transaction per `rowsPerTransaction` rows. No revision
 * check, no duplicate lookup, no hash computed (a precomputed 64-hex string is stored instead).
 */
async function rawInserts(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[], rowsPerTransaction: number): Promise<number> {
  return withTemp('raw', async (dir) => {
    const db = new Database(join(dir, 'events.sqlite'));
    try {
      applyEventStorePragmas(db);
      migrateEventStore(db);
      const insert = db.prepare(
        `INSERT INTO events (position, event_id, stream_id, stream_revision, type, schema_version, data, metadata,
           occurred_at, recorded_at, idempotency_key, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const hashes = new SeededRandom(7);
      const fakeHash = Array.from({ length: 64 }, () => hashes.hex(64));
      let position = 0;
      type Row = { streamId: string; revision: number; e: PlannedAppend['events'][number] };
      const write = db.transaction((rows: Row[], recordedAt: string) => {
        for (const { streamId, revision, e } of rows) {
          position++;
          insert.run(
            position,
            e.eventId,
            streamId,
            revision,
            e.type,
            e.schemaVersion ?? 1,
            JSON.stringify(e.data),
            metadataJson(e),
            e.occurredAt,
            recordedAt,
            null,
            fakeHash[(position - 1) % 64],
            fakeHash[position % 64],
          );
        }
      });
      const rowsOf = (p: readonly PlannedAppend[]): Row[] =>
        p.flatMap((a) => a.events.map((e, i) => ({ streamId: a.streamId, revision: a.expected + 1 + i, e })));
      const chunks = (rows: Row[]) => {
        const out: Row[][] = [];
        for (let i = 0; i < rows.length; i += rowsPerTransaction) out.push(rows.slice(i, i + rowsPerTransaction));
        return out;
      };
      for (const c of chunks(rowsOf(warm))) write(c, new Date().toISOString());
      const work = chunks(rowsOf(plan));
      const t0 = performance.now();
      for (const c of work) write(c, new Date().toISOString());
      return rate(eventCount(plan), performance.now() - t0);
    } finally {
      db.close();
    }
  });
}

// ---- the peer: Emmett ------------------------------------------------------------------------

async function emmettStoreSequential(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[]): Promise<number> {
  return withTemp('emmett', async (dir) => {
    const store = emmettStore(join(dir, 'emmett.sqlite'));
    const append = (a: PlannedAppend) =>
      withEmmettRetry(() => store.appendToStream(a.streamId, a.events.map(toEmmett), { expectedStreamVersion: emmettVersion(a.expected) }));
    for (const a of warm) await append(a);
    const t0 = performance.now();
    for (const a of plan) await append(a);
    return rate(eventCount(plan), performance.now() - t0);
  });
}

async function emmettConnectionSequential(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[]): Promise<number> {
  return withTemp('emmett-conn', async (dir) => {
    const conn = await emmettConnection(join(dir, 'emmett.sqlite'));
    try {
      for (const a of warm) await emmettAppend(conn, a.streamId, a.events, a.expected);
      const t0 = performance.now();
      for (const a of plan) await emmettAppend(conn, a.streamId, a.events, a.expected);
      return rate(eventCount(plan), performance.now() - t0);
    } finally {
      conn.close();
    }
  });
}

/** Our store, raw inserts (`rowsPerInsert` rows a transaction) and Emmett's store and connection, each appending the plan one append per await. */
function sequentialContenders(plan: readonly PlannedAppend[], warm: readonly PlannedAppend[], rowsPerInsert: number): Contender[] {
  return [
    { key: 'ours', run: () => oursSequential(plan, warm) },
    { key: 'raw', run: () => rawInserts(plan, warm, rowsPerInsert) },
    { key: 'emmettStore', run: () => emmettStoreSequential(plan, warm) },
    { key: 'emmettConnection', run: () => emmettConnectionSequential(plan, warm) },
  ];
}

/**
 * Emmett's store with `inFlight` appends at once (one each, on distinct streams): reports what
 * happens. Its store keeps one connection at a time and closes it after each operation.
 */
async function emmettStoreConcurrent(plan: readonly PlannedAppend[], inFlight: number): Promise<{ ok: number; failed: number; timedOut: number; firstError: string | null }> {
  return withTemp('emmett-conc', async (dir) => {
    const store = emmettStore(join(dir, 'emmett.sqlite'));
    let ok = 0;
    let failed = 0;
    let firstError: string | null = null;
    const log = console.log;
    console.log = () => undefined; // Emmett logs every failed transaction to stdout
    const attempts = plan.slice(0, inFlight).map((a) =>
      store.appendToStream(a.streamId, a.events.map(toEmmett), { expectedStreamVersion: emmettVersion(a.expected) }).then(
        () => void ok++,
        (error: unknown) => {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([Promise.all(attempts), new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    } finally {
      clearTimeout(timer);
      console.log = log;
    }
    return { ok, failed, timedOut: attempts.length - ok - failed, firstError };
  });
}

// ---- the section -----------------------------------------------------------------------------

export async function benchAppends(o: AppendsOptions): Promise<SectionResult> {
  const started = performance.now();
  const single = plannedAppends(o.seed, o.singleEvents, 1, 200, 'progress-bench');
  const batch = plannedAppends(o.seed + 1, o.batches, 100, Math.max(1, Math.min(50, o.batches)), 'problem-bench');
  const concurrent = plannedAppends(o.seed + 2, o.concurrentEvents, 1, o.inFlight * 10, 'progress-conc');
  const warm1 = warmPlan(o.seed, 1);
  const warm100 = warmPlan(o.seed, 100).slice(0, 3);
  const sizes = meanPayloadBytes(single);

  o.log(`  single-event appends: ${single.length} per round, sequential (one append per await)`);
  const singleRun = await interleave(sequentialContenders(single, warm1, 1), { rounds: o.rounds, log: o.log });

  o.log(`  batches of 100 events: ${batch.length} appends (${eventCount(batch)} events) per round`);
  const batchRun = await interleave(sequentialContenders(batch, warm100, 100), { rounds: o.rounds, log: o.log });

  o.log(`  concurrent: ${o.inFlight} commands in flight, ${concurrent.length} single-event appends per round`);
  const concurrentRun = await interleave(
    [
      { key: 'oursConcurrent', run: () => oursConcurrent(concurrent, warm1, o.inFlight) },
      { key: 'oursSequential', run: () => oursSequential(concurrent, warm1) },
      { key: 'rawSingleRow', run: () => rawInserts(concurrent, warm1, 1) },
      { key: 'rawBatched', run: () => rawInserts(concurrent, warm1, o.inFlight) },
    ] satisfies Contender[],
    { rounds: o.rounds, log: o.log },
  );
  const retriesSequential = { retried: emmettRetries.retried, messages: [...emmettRetries.messages] };
  const emmettConcurrent = await emmettStoreConcurrent(concurrent, o.inFlight);
  o.log(
    `    emmett store, ${o.inFlight} appends at once: ${emmettConcurrent.ok} ok, ${emmettConcurrent.failed} failed, ${emmettConcurrent.timedOut} unsettled after 10 s (${emmettConcurrent.firstError ?? 'no error'})`,
  );

  // Durability as each contender runs it.
  const probeDir = tempDir('pragmas');
  const probe = new SqliteEventStore({ file: join(probeDir, 'events.sqlite') });
  const ourPragmas = { journalMode: probe.db.pragma('journal_mode', { simple: true }), synchronous: probe.db.pragma('synchronous', { simple: true }) };
  await probe.close();
  const peerPragmas = await emmettPragmas(join(probeDir, 'emmett.sqlite'));
  removeDir(probeDir);

  const profiles = [];
  if (o.profile) {
    o.log('  profiling one extra round of our single-event, batch and concurrent appends (not timed)');
    profiles.push((await profileInProcess('our single-event appends, sequential', () => oursSequential(single, warm1))).summary);
    profiles.push((await profileInProcess('our appends, batches of 100', () => oursSequential(batch, warm100))).summary);
    profiles.push((await profileInProcess(`our appends, ${o.inFlight} in flight`, () => oursConcurrent(concurrent, warm1, o.inFlight))).summary);
  }

  const s = singleRun.samples;
  const b = batchRun.samples;
  const c = concurrentRun.samples;
  const half = ratioAtLeast(0.5, '≥ 0.5 × raw SQLite');
  const twice = ratioAtLeast(2, '≥ 2 × Emmett');
  const syncName = (n: unknown) => ({ 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' })[Number(n)] ?? String(n);
  return {
    key: 'appends',
    title: '1. Event-store appends',
    setup: [
      `Payloads shaped like the platform's events (a step with evidence, participation counts, a problem's progress note): mean data ${sizes.data} B + metadata ${sizes.metadata} B of JSON; fixed seed ${o.seed}.`,
      `Single: ${single.length} events per round, one append per await, over 200 streams with the expected revision checked. Batch: ${batch.length} appends of 100 events. Concurrent: ${concurrent.length} single-event appends with ${o.inFlight} commands in flight (each on its own streams).`,
      `Every round starts each contender on a fresh file in a temp dir, after ${WARMUP_APPENDS} untimed warm-up appends; one warm-up round is dropped. ${o.rounds} rounds, order alternating (A B C D, D C B A, ...).`,
      `Ours: SqliteEventStore (WAL, synchronous=${syncName(ourPragmas.synchronous)}; revision check, duplicate-id lookup, SHA-256 hash chain, group commit). Raw: better-sqlite3 prepared INSERT of the same 13 columns into the same table and indexes, same pragmas, one transaction per row (single) or per 100 rows (batch), no checks and no hashing.`,
      `Emmett 0.38.5 (node-sqlite3, SQLite ${peerPragmas.sqliteVersion}): journal_mode=${peerPragmas.journalMode}, synchronous=${syncName(peerPragmas.synchronous)} (node-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=2), so the same durability. "Emmett store" is getSQLiteEventStore's appendToStream, which opens and closes a connection per operation on a file; "Emmett connection" is its exported appendToStream on one long-lived connection.`,
    ],
    comparisons: [
      compare('single-event appends', 'events/s', { label: 'ours', samples: s.ours }, { label: 'raw better-sqlite3', samples: s.raw }, half),
      compare('single-event appends', 'events/s', { label: 'ours', samples: s.ours }, { label: 'Emmett store', samples: s.emmettStore }, twice),
      compare('single-event appends', 'events/s', { label: 'ours', samples: s.ours }, { label: 'Emmett, one connection', samples: s.emmettConnection }, twice),
      compare('batches of 100', 'events/s', { label: 'ours', samples: b.ours }, { label: 'raw better-sqlite3', samples: b.raw }, half),
      compare('batches of 100', 'events/s', { label: 'ours', samples: b.ours }, { label: 'Emmett store', samples: b.emmettStore }, twice),
      compare('batches of 100', 'events/s', { label: 'ours', samples: b.ours }, { label: 'Emmett, one connection', samples: b.emmettConnection }, twice),
      compare('batches of 100: the limit against the peer', 'events/s', { label: 'raw better-sqlite3', samples: b.raw }, { label: 'Emmett, one connection', samples: b.emmettConnection }, null, 'how far ahead of the peer the limit itself is: one prepared INSERT per row against Emmett\'s one multi-row INSERT per append'),
      compare(`${o.inFlight} in flight (group commit)`, 'events/s', { label: 'ours, concurrent', samples: c.oursConcurrent }, { label: 'raw, one row per transaction', samples: c.rawSingleRow }, half),
      compare(`${o.inFlight} in flight (group commit)`, 'events/s', { label: 'ours, concurrent', samples: c.oursConcurrent }, { label: `raw, ${o.inFlight} rows per transaction`, samples: c.rawBatched }, half),
      compare(`${o.inFlight} in flight (group commit)`, 'events/s', { label: 'ours, concurrent', samples: c.oursConcurrent }, { label: 'ours, sequential', samples: c.oursSequential }, null),
    ],
    notes: [
      ...(retriesSequential.retried > 0
        ? [`Emmett failed ${retriesSequential.retried} sequential operation(s) with ${retriesSequential.messages.map((m) => `"${m}"`).join(', ')} (node-sqlite3 runs a connection's statements in parallel mode; a statement still being finalized blocks COMMIT); the bench retried them, and the retries are inside Emmett's timings.`]
        : []),
      `Emmett store with ${o.inFlight} appends at once (one each, distinct streams): ${emmettConcurrent.ok} succeeded, ${emmettConcurrent.failed} failed, ${emmettConcurrent.timedOut} had not settled after 10 s` +
        (emmettConcurrent.firstError ? ` (first error "${emmettConcurrent.firstError}": the store keeps one connection at a time and closes it after each operation, under the others' feet)` : '') +
        '; so there is no concurrent Emmett figure, and the concurrent case is compared with the raw limit and our own sequential appends.',
    ],
    profiles,
    raw: { emmettRetries: retriesSequential, single: singleRun, batch: batchRun, concurrent: concurrentRun, emmettConcurrent, pragmas: { ours: ourPragmas, emmett: peerPragmas }, payloadBytes: sizes },
    durationMs: performance.now() - started,
  };
}
