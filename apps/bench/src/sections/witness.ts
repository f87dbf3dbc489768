import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { chainExtensionFor, CheckpointWitness, SCAN_PAGE, signingKeyFrom, SqliteCheckpointLog, SqliteEventStore } from '@platform/event-store';
import { PlannedAppend, plannedAppends } from '../support/events';
import { compare, ratioAtLeast, SectionResult } from '../support/model';
import { alternating, Contender, interleave } from '../support/stats';
import { removeDir, tempDir } from '../support/temp';

export interface WitnessBenchOptions {
  readonly rounds: number;
  readonly seed: number;
  /** Events already in the store before the timed appends: what a verification pass reads. */
  readonly history: number;
  /** Single-event appends per round, `inFlight` commands at once. */
  readonly events: number;
  readonly inFlight: number;
  readonly log: (line: string) => void;
}

interface Setup {
  readonly everyEvents: number | null;
  /** Verify the latest checkpoint against the whole history, again and again, while appending. */
  readonly verifying: boolean;
}

const rate = (events: number, ms: number) => (events / ms) * 1000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One round: a fresh store holding `history` events, then the timed appends, with or without a witness. */
async function appendRound(o: WitnessBenchOptions, history: readonly PlannedAppend[], plan: readonly PlannedAppend[], setup: Setup) {
  const dir = tempDir('witness');
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const log = new SqliteCheckpointLog(join(dir, 'audit-checkpoints.sqlite'));
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'bench');
  let witness: CheckpointWitness | null = null;
  let passes = 0;
  try {
    for (const a of history) await store.append(a.streamId, a.events, a.expected);
    if (setup.everyEvents !== null) {
      // Wired as the platform wires it (WitnessModule): the re-hashing before each signature on a thread of its own.
      witness = new CheckpointWitness({ source: store, log, key, clock: () => new Date(), everyEvents: setup.everyEvents, everyMinutes: 0, extension: chainExtensionFor(store) });
      await witness.issue('start');
      witness.start();
    }
    let appending = true;
    const verifier = (async () => {
      while (setup.verifying && appending && witness) {
        await witness.verifyLatest();
        passes++;
        await yieldToLoop();
      }
    })();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: o.inFlight }, async (_, w) => {
        for (let i = w; i < plan.length; i += o.inFlight) await store.append(plan[i].streamId, plan[i].events, plan[i].expected);
      }),
    );
    const figure = rate(plan.length, performance.now() - t0);
    appending = false;
    await verifier;
    return { figure, checkpoints: log.count(), passes };
  } finally {
    await witness?.stop();
    log.close();
    await store.close();
    removeDir(dir);
  }
}

/** The cost of the witness's own work, timed alone: one signature, one verification pass over the history. */
async function unitCosts(o: WitnessBenchOptions, history: readonly PlannedAppend[]) {
  const dir = tempDir('witness-unit');
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const log = new SqliteCheckpointLog(join(dir, 'audit-checkpoints.sqlite'));
  const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey, 'bench');
  try {
    for (const a of history) await store.append(a.streamId, a.events, a.expected);
    const witness = new CheckpointWitness({ source: store, log, key, clock: () => new Date(), everyEvents: 0, everyMinutes: 0 });
    const first = await witness.issue('start');
    const signs = 2000;
    let t0 = performance.now();
    for (let i = 0; i < signs; i++) key.sign(`ACP1.${i}.${first.hash}.20261202T000000Z.${key.keyId}`);
    const signUs = ((performance.now() - t0) / signs) * 1000;
    // Alternating with the plain chain check (the same re-hashing, no witness), which is the reference.
    const passes: number[] = [];
    const chainChecks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const timeVerify = async () => {
        const t = performance.now();
        const report = await witness.verify(first);
        if (!report.ok) throw new Error(`bench: verification failed: ${report.verdict}`);
        return performance.now() - t;
      };
      const timeChain = async () => {
        const t = performance.now();
        await store.verifyChain();
        return performance.now() - t;
      };
      const [verifyMs, chainMs] = await alternating(i, timeVerify, timeChain);
      if (i === 0) continue; // warm-up
      passes.push(verifyMs);
      chainChecks.push(chainMs);
    }
    return { signUs, verifyMs: passes, chainMs: chainChecks };
  } finally {
    log.close();
    await store.close();
    removeDir(dir);
  }
}

export async function benchWitness(o: WitnessBenchOptions): Promise<SectionResult> {
  const started = performance.now();
  const history = plannedAppends(o.seed + 10, o.history / 100, 100, 200, 'history');
  const plan = plannedAppends(o.seed + 11, o.events, 1, o.inFlight * 10, 'witnessed');
  const extra: Record<string, { checkpoints: number; passes: number }[]> = {};
  const contender = (key: string, setup: Setup): Contender => ({
    key,
    run: async () => {
      const r = await appendRound(o, history, plan, setup);
      (extra[key] ??= []).push({ checkpoints: r.checkpoints, passes: r.passes });
      return r.figure;
    },
  });
  o.log(`  ${o.events} single-event appends, ${o.inFlight} in flight, on a store already holding ${o.history} events`);
  const run = await interleave(
    [
      contender('unsigned', { everyEvents: null, verifying: false }),
      contender('every1000', { everyEvents: 1000, verifying: false }),
      contender('every100', { everyEvents: 100, verifying: false }),
      contender('verifying', { everyEvents: 1000, verifying: true }),
    ],
    { rounds: o.rounds, log: o.log },
  );
  const costs = await unitCosts(o, history);
  o.log(`    one signature ${costs.signUs.toFixed(0)} µs; one verification pass over ${o.history} events ${costs.verifyMs.map((m) => m.toFixed(0)).join(' / ')} ms`);
  const s = run.samples;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mean = (key: string, f: 'checkpoints' | 'passes') => Math.round(median((extra[key] ?? []).map((x) => x[f])));
  const unsigned = { label: 'no checkpoints', samples: s.unsigned };
  return {
    key: 'witness',
    title: '1c. Signed checkpoints and background verification',
    setup: [
      `Each round: a fresh SqliteEventStore holding ${o.history} events (appended in batches of 100, untimed), then ${o.events} single-event appends with ${o.inFlight} commands in flight (group commit), timed.`,
      `Signed: the platform's CheckpointWitness on the same store, issuing an Ed25519-signed checkpoint every 1000 events (the default) or every 100; each issue first recomputes the chain over the events since the previous checkpoint and checks it follows on from it — as the platform wires it, on a thread of its own with its own read-only connection to the file, so the appending thread only signs and stores the checkpoint.`,
      `Verifying: as "every 1000", with a verifier running back to back for the whole timed part: each pass recomputes the chain from the first event to the head and checks the latest checkpoint against it (what GET /api/audit-trail/checkpoints/verify does), yielding to the event loop between passes.`,
      `${o.rounds} rounds after a dropped warm-up round, order alternating. Medians of checkpoints issued per round: every 1000 → ${mean('every1000', 'checkpoints')}, every 100 → ${mean('every100', 'checkpoints')}; verification passes completed while appending: ${mean('verifying', 'passes')}.`,
    ],
    comparisons: [
      compare('appends, checkpoint every 1000 events', 'events/s', { label: 'signed', samples: s.every1000 }, unsigned, ratioAtLeast(0.9, '≥ 0.9 × unsigned')),
      compare('appends, checkpoint every 100 events', 'events/s', { label: 'signed', samples: s.every100 }, unsigned, null),
      compare('appends while verifying in the background', 'events/s', { label: 'signed + verifying', samples: s.verifying }, unsigned, null),
      compare(`one verification pass over ${o.history} events`, 'ms', { label: 'checkpoint verification', samples: costs.verifyMs }, { label: 'chain check', samples: costs.chainMs }, null),
    ],
    notes: [
      `One Ed25519 signature (node:crypto) takes ${costs.signUs.toFixed(0)} µs here: at one checkpoint per 1000 events the signing itself is noise; what a checkpoint costs is re-reading and re-hashing the events since the last one (the same work as the chain check, once per event).`,
      `A verification pass reads and re-hashes the whole history, about ${(median(costs.verifyMs) / (o.history / 1000)).toFixed(1)} ms per 1000 events (the plain chain check, which does the same reading and hashing, ${(median(costs.chainMs) / (o.history / 1000)).toFixed(1)} ms), on the event loop in pages of ${SCAN_PAGE} events: appends interleave with it but share the one thread, so back-to-back verification is the worst case; an occasional check (on request, or every few minutes) costs the writes only while it runs, and a background verifier that goes on from where it stopped (incremental) costs in proportion to the appends, not the history.`,
    ],
    profiles: [],
    raw: { run, extra, costs },
    durationMs: performance.now() - started,
  };
}
