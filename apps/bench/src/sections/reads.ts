import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore } from '@platform/event-store';
import { plannedAppends, readAllEvents } from '../support/events';
import { compare, ratioAtLeast, SectionResult } from '../support/model';
import { emmettAppend, emmettConnection, emmettReadAll, emmettReadStream, emmettStore, withEmmettRetry } from '../support/peer';
import { interleave, READ_SAMPLE_MS, sustainedRate } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';

export interface ReadsOptions {
  readonly rounds: number;
  readonly seed: number;
  readonly events: number;
  readonly streamLength: number;
  readonly log: (line: string) => void;
}


/**
 * The same history (same payloads, same streams, same order) in our store and in Emmett's, then
 * read back: everything in global order, 1,000 at a time (what a projection does), and every
 * stream whole (what a command does before deciding).
 */
export async function benchReads(o: ReadsOptions): Promise<SectionResult> {
  const started = performance.now();
  const streams = Math.max(1, Math.round(o.events / o.streamLength));
  // Appends of 10 events round-robin over the streams: streams interleave in global order.
  const plan = plannedAppends(o.seed + 10, Math.round(o.events / 10), 10, streams, 'progress-read');
  const total = plan.reduce((n, a) => n + a.events.length, 0);
  const streamIds = [...new Set(plan.map((a) => a.streamId))];
  const dir = tempDir('reads');
  const ours = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const emmettFile = join(dir, 'emmett.sqlite');
  const conn = await emmettConnection(emmettFile);
  const peer = emmettStore(emmettFile);
  try {
    // Queued in one turn: one group commit, each append still checked against its expected revision.
    await Promise.all(plan.map((a) => ours.append(a.streamId, a.events, a.expected)));
    const head = await ours.headPosition();
    if (head !== total) throw new Error(`reads: loaded ${head} of ${total} events`);
    for (const a of plan) await emmettAppend(conn, a.streamId, a.events, a.expected);
    o.log(`  ${total} events in ${streams} streams of ${o.streamLength}, loaded into both stores`);

    const readAllOurs = () =>
      sustainedRate(async () => {
        const n = await readAllEvents(ours, 1000);
        if (n !== total) throw new Error(`read ${n} of ${total}`);
        return n;
      });
    const readAllRaw = async () => {
      const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
      try {
        const all = db.prepare<[], { data: string; metadata: string }>('SELECT * FROM events ORDER BY position');
        return await sustainedRate(async () => {
          let n = 0;
          for (const r of all.iterate()) {
            JSON.parse(r.data);
            JSON.parse(r.metadata);
            n++;
          }
          return n;
        });
      } finally {
        db.close();
      }
    };
    const readAllEmmett = () =>
      sustainedRate(async () => {
        const n = await emmettReadAll(conn, 1000);
        if (n !== total) throw new Error(`emmett read ${n} of ${total}`);
        return n;
      });
    o.log('  read all, 1,000 per batch');
    const readAll = await interleave(
      [
        { key: 'ours', run: readAllOurs },
        { key: 'raw', run: readAllRaw },
        { key: 'emmett', run: readAllEmmett },
      ],
      { rounds: o.rounds, log: o.log },
    );

    const sample = streamIds.slice(0, Math.min(streamIds.length, 100));
    const streamsOurs = () =>
      sustainedRate(async () => {
        let n = 0;
        for (const id of sample) n += (await ours.readStream(id)).length;
        return n;
      });
    const streamsEmmettConn = () =>
      sustainedRate(async () => {
        let n = 0;
        for (const id of sample) n += await emmettReadStream(conn, id);
        return n;
      });
    const streamsEmmettStore = () =>
      sustainedRate(async () => {
        let n = 0;
        for (const id of sample) n += (await withEmmettRetry(() => peer.readStream(id))).events.length;
        return n;
      });
    o.log(`  read ${sample.length} streams whole, one after another`);
    const readStreams = await interleave(
      [
        { key: 'ours', run: streamsOurs },
        { key: 'emmettStore', run: streamsEmmettStore },
        { key: 'emmettConnection', run: streamsEmmettConn },
      ],
      { rounds: o.rounds, log: o.log },
    );

    const twice = ratioAtLeast(2, '≥ 2 × Emmett');
    const a = readAll.samples;
    const s = readStreams.samples;
    return {
      key: 'reads',
      title: '1b. Event-store reads',
      setup: [
        `${total} events (the section-1 payloads) in ${streams} streams of ${o.streamLength}, appended 10 at a time round-robin, so streams interleave in global order; the same history in both stores.`,
        'Read all: everything in global order, 1,000 events per call — ours `readAll({ after, limit })` returning envelopes with parsed data and metadata; Emmett `readMessagesBatch(connection, { after, batchSize })` (its consumers\' read path; Emmett has no read-all on the store) on one connection. Raw: better-sqlite3 `iterate()` over the same table with both JSON columns parsed.',
        `Read stream: ${sample.length} streams read whole one after another — ours \`readStream\`, Emmett's store \`readStream\` (a connection per call) and its exported \`readStream\` on one connection.`,
        `${o.rounds} rounds after one dropped warm-up round, order alternating; each sample reads again and again for at least ${READ_SAMPLE_MS / 1000} s (one pass takes tens of milliseconds) and gives the rate over all its passes.`,
      ],
      comparisons: [
        compare('read all', 'events/s', { label: 'ours', samples: a.ours }, { label: 'Emmett readMessagesBatch', samples: a.emmett }, twice),
        compare('read all', 'events/s', { label: 'ours', samples: a.ours }, { label: 'raw better-sqlite3 iterate', samples: a.raw }, null),
        compare('read all: the limit against the peer', 'events/s', { label: 'raw better-sqlite3 iterate', samples: a.raw }, { label: 'Emmett readMessagesBatch', samples: a.emmett }, null, 'how far ahead of the peer the limit itself is'),
        compare('read stream', 'events/s', { label: 'ours', samples: s.ours }, { label: 'Emmett store', samples: s.emmettStore }, twice),
        compare('read stream', 'events/s', { label: 'ours', samples: s.ours }, { label: 'Emmett, one connection', samples: s.emmettConnection }, twice),
      ],
      notes: [],
      profiles: [],
      raw: { readAll, readStreams, events: total, streams },
      durationMs: performance.now() - started,
    };
  } finally {
    conn.close();
    await ours.close();
    removeDir(dir);
  }
}
