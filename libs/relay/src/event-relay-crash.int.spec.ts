import { SqliteEventStore } from '@platform/event-store';
import { newEvent } from '@platform/event-store/testing/event-store.contract';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RelayMessage } from './integration-events';
import { dropTornTail } from './jsonl-file-producer';
import { SqliteRelayCheckpoints } from './sqlite-relay-checkpoints';

const root = resolve(__dirname, '../../..');
const BATCH = 10;
const STREAMS = ['progress-c1.u1', 'progress-c1.u2', 'progress-c1.u3', 'problem-p1', 'problem-p2'];

function startRelay(dir: string, out: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'libs/relay/src/testing/relay-child.ts')], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json'), DATA_DIR: dir, OUT_FILE: out, BATCH_SIZE: String(BATCH), SEND_DELAY_MS: '5' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Complete lines only: a line still being written, or torn by kill -9, was never delivered. */
const published = (out: string) =>
  existsSync(out)
    ? readFileSync(out, 'utf8').split('\n').slice(0, -1).map((l) => JSON.parse(l) as RelayMessage).map((m) => ({ key: m.key, ...(JSON.parse(m.value) as { eventId: string; position: number }) }))
    : [];

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the relay as its own process, killed mid-stream', () => {
  let dir: string;
  let events: SqliteEventStore;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function write(rounds: number, from: number): Promise<void> {
    for (let r = from; r < from + rounds; r++) {
      for (const s of STREAMS) {
        const type = s.startsWith('problem') ? 'ProblemRegistered' : 'StepRecorded';
        await events.append(s, [newEvent(type, { n: r }), newEvent('ParticipationRecorded', { n: r }), newEvent(type, { n: r, second: true })], 'any');
      }
    }
  }

  it('resumes from its checkpoint after kill -9: every event published, in order per stream, repeats only from the batch in flight', async () => {
    await write(60, 0);
    const out = join(dir, 'published.jsonl');
    const first = startRelay(dir, out);
    children.push(first);
    await until(() => published(out).length >= 150, 'the first relay to publish 150 messages');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // What a broker keeps of a producer killed mid-write: the messages it wrote whole.
    dropTornTail(out);
    const atKill = published(out).length;
    const checkpoints = new SqliteRelayCheckpoints(join(dir, 'relay.sqlite'));
    const saved = await checkpoints.load('crash-test');
    await checkpoints.close();
    const contract = (await events.readAll({ limit: 100_000 })).filter((e) => e.type !== 'ParticipationRecorded');
    expect(atKill).toBeLessThan(contract.length);

    // Writes go on while no relay runs; another one starts from the checkpoint.
    await write(20, 60);
    const all = (await events.readAll({ limit: 100_000 })).filter((e) => e.type !== 'ParticipationRecorded');
    const second = startRelay(dir, out);
    children.push(second);
    await until(() => new Set(published(out).map((m) => m.eventId)).size === all.length, 'every event to be published');
    second.kill('SIGTERM');

    const seen = published(out);
    expect(new Set(seen.map((m) => m.eventId))).toEqual(new Set(all.map((e) => e.eventId)));
    const repeats = seen.filter((m, i) => seen.findIndex((o) => o.eventId === m.eventId) !== i);
    // Only what the killed relay sent after its last checkpoint comes again: at most one batch's events.
    expect(repeats.every((m) => m.position > saved)).toBe(true);
    expect(repeats.length).toBeLessThanOrEqual(BATCH);
    for (const s of STREAMS) {
      const firsts = seen.filter((m, i) => m.key === s && seen.findIndex((o) => o.eventId === m.eventId) === i).map((m) => m.position);
      expect(firsts).toEqual(all.filter((e) => e.streamId === s).map((e) => e.position));
    }
  });
});
