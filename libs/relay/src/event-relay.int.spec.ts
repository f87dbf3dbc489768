import { SqliteEventStore } from '@platform/event-store';
import { newEvent } from '@platform/event-store/testing/event-store.contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventRelay } from './event-relay';
import { InProcessProducer } from './in-process-producer';
import { RelayMessage } from './integration-events';
import { RelayProducer } from './relay-ports';
import { SqliteRelayCheckpoints } from './sqlite-relay-checkpoints';

interface Published {
  readonly eventId: string;
  readonly event: string;
  readonly streamId: string;
  readonly position: number;
  readonly data: Record<string, unknown>;
}
const body = (m: RelayMessage) => JSON.parse(m.value) as Published;

/** Delivers the first half of its n-th batch, then fails: a relay dying in the middle of a send. */
class DyingProducer implements RelayProducer {
  private calls = 0;
  failedBatch: readonly RelayMessage[] = [];
  constructor(private readonly log: InProcessProducer, private readonly dieOnCall: number) {}
  async send(messages: readonly RelayMessage[]): Promise<void> {
    if (++this.calls !== this.dieOnCall) return this.log.send(messages);
    this.failedBatch = messages;
    await this.log.send(messages.slice(0, Math.ceil(messages.length / 2)));
    throw new Error('connection lost in the middle of the batch');
  }
  async close(): Promise<void> {}
}

describe('the event relay (integration events to a partitioned log, at least once)', () => {
  let dir: string;
  let events: SqliteEventStore;
  const checkpointsFile = () => join(dir, 'relay.sqlite');
  const ctx = { campaignId: 'c1' };

  /** Three streams written interleaved, with internal events the contract leaves out. */
  async function seed(): Promise<void> {
    await events.append('campaign-c1', [newEvent('CampaignLaunched', { ...ctx, name: '主题教育', batch: 1, parentCampaignId: null, enrolledUnitIds: ['u1', 'u2'], template: {} })], 'no_stream');
    for (let i = 0; i < 4; i++) {
      for (const unit of ['u1', 'u2']) {
        await events.append(`unit-progress-c1-${unit}`, [newEvent('StepRecorded', { ...ctx, unitId: unit, phaseKey: 'study', stepKey: `s${i}`, evidence: '会议记录 (internal)', attachmentRef: null, quantity: i }, { correlationId: `corr-${unit}-${i}` })], 'any');
        await events.append(`unit-progress-c1-${unit}`, [newEvent('ParticipationRecorded', { ...ctx, unitId: unit, shouldAttend: 10, attended: 9, excused: [] })], 'any');
      }
    }
    await events.append('unit-progress-c1-u2', [newEvent('UnitConcluded', { ...ctx, unitId: 'u2', summary: 'internal text', outcome: 'good', concludedBy: 'x' })], 'any');
  }

  const contractEvents = async () => (await events.readAll({ limit: 10_000 })).filter((e) => e.type !== 'ParticipationRecorded');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await seed();
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runToEnd(relay: EventRelay): Promise<void> {
    relay.start();
    await relay.caughtUp();
    await relay.stop();
  }

  it('publishes the contract’s events keyed by stream id, in commit order per stream, with version and correlation headers', async () => {
    const log = new InProcessProducer(3);
    const checkpoints = new SqliteRelayCheckpoints(checkpointsFile());
    const relay = new EventRelay({ name: 'kafka:test', events, producer: log, checkpoints, batchSize: 4, pollMs: 10 });
    await runToEnd(relay);

    const expected = await contractEvents();
    expect(log.all().map((m) => body(m).eventId).sort()).toEqual(expected.map((e) => e.eventId).sort());
    expect(log.all().some((m) => m.value.includes('ParticipationRecorded') || m.value.includes('internal'))).toBe(false);
    for (const streamId of ['campaign-c1', 'unit-progress-c1-u1', 'unit-progress-c1-u2']) {
      const partition = log.partition(log.partitionOf(streamId)).filter((m) => m.key === streamId);
      expect(partition.map((m) => body(m).position)).toEqual(expected.filter((e) => e.streamId === streamId).map((e) => e.position));
    }
    const step = log.all().find((m) => body(m).event === 'campaign.step-recorded' && body(m).data.stepKey === 's2' && m.key.endsWith('u1'))!;
    expect(step.headers).toMatchObject({ 'event-type': 'campaign.step-recorded', 'schema-version': '1', 'correlation-id': 'corr-u1-2', position: String(body(step).position) });
    expect(body(step).data).toEqual({ campaignId: 'c1', unitId: 'u1', phaseKey: 'study', stepKey: 's2', quantity: 2 });
    // The checkpoint is the last event read, published or not: a restart does not read the tail again.
    expect(await checkpoints.load('kafka:test')).toBe(await events.headPosition());
    await checkpoints.close();
  });

  it('resumes after dying mid-batch from its checkpoint: nothing lost, repeats only from the batch it had not checkpointed', async () => {
    const log = new InProcessProducer(3);
    const dying = new DyingProducer(log, 3);
    let checkpoints = new SqliteRelayCheckpoints(checkpointsFile());
    const first = new EventRelay({ name: 'kafka:test', events, producer: dying, checkpoints, batchSize: 5 });
    await first.step();
    await first.step();
    await expect(first.step()).rejects.toThrow('connection lost');
    const savedAtCrash = await checkpoints.load('kafka:test');
    await checkpoints.close();

    // Another process starts from what the first one saved; meanwhile more was written.
    await events.append('unit-progress-c1-u1', [newEvent('UnitConcluded', { ...ctx, unitId: 'u1', outcome: 'ok' })], 'any');
    checkpoints = new SqliteRelayCheckpoints(checkpointsFile());
    expect(await checkpoints.load('kafka:test')).toBe(savedAtCrash);
    await runToEnd(new EventRelay({ name: 'kafka:test', events, producer: log, checkpoints, batchSize: 5, pollMs: 10 }));

    const expected = await contractEvents();
    const ids = log.all().map((m) => body(m).eventId);
    expect(new Set(ids)).toEqual(new Set(expected.map((e) => e.eventId)));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated.length).toBeGreaterThan(0);
    const failed = new Set(dying.failedBatch.map((m) => body(m).eventId));
    expect(repeated.every((id) => failed.has(id))).toBe(true);
    // Each stream's first deliveries are in commit order; a repeat only goes back into the failed batch.
    for (const streamId of ['campaign-c1', 'unit-progress-c1-u1', 'unit-progress-c1-u2']) {
      const seen = log.partition(log.partitionOf(streamId)).filter((m) => m.key === streamId).map((m) => body(m));
      const firsts = seen.filter((p, i) => seen.findIndex((q) => q.eventId === p.eventId) === i).map((p) => p.position);
      expect(firsts).toEqual(expected.filter((e) => e.streamId === streamId).map((e) => e.position));
      seen.forEach((p, i) => {
        if (i > 0 && p.position <= seen[i - 1].position) expect(p.position).toBeGreaterThan(savedAtCrash);
      });
    }
    await checkpoints.close();
  });

  it('sends nothing again after a clean stop and restart, only what was written since', async () => {
    const log = new InProcessProducer(2);
    let checkpoints = new SqliteRelayCheckpoints(checkpointsFile());
    await runToEnd(new EventRelay({ name: 'kafka:test', events, producer: log, checkpoints, pollMs: 10 }));
    const before = log.all().length;
    await checkpoints.close();
    await events.append('campaign-c2', [newEvent('CampaignLaunched', { campaignId: 'c2', name: 'n', batch: 2 })], 'no_stream');
    checkpoints = new SqliteRelayCheckpoints(checkpointsFile());
    await runToEnd(new EventRelay({ name: 'kafka:test', events, producer: log, checkpoints, pollMs: 10 }));
    expect(log.all().slice(before).map((m) => m.key)).toEqual(['campaign-c2']);
    await checkpoints.close();
  });
});
