import type { IssuedCheckpoint } from '@platform/event-store';
import { InMemoryProjectionLeases } from '@platform/read-models';
import { CHECKPOINT_JOB_LEASE, CheckpointSchedule } from './checkpoint-schedule';

/** A witness's log as the schedule sees it: the latest checkpoint, and issuing one at the head. */
function witnessAt(head: { position: number }) {
  const issued: number[] = [];
  return {
    issued,
    latest: () => (issued.length ? ({ position: issued[issued.length - 1] } as IssuedCheckpoint) : null),
    issue: async () => {
      issued.push(head.position);
      return { position: head.position } as IssuedCheckpoint;
    },
  };
}

describe('checkpoints by event count, from the scheduler', () => {
  it('issues one once EVERY events were appended since the last, from the holder of the lease only', async () => {
    const head = { position: 0 };
    const witness = witnessAt(head);
    const leases = new InMemoryProjectionLeases();
    const events = { headPosition: async () => head.position };
    const a = new CheckpointSchedule({ witness, events, leases, owner: 'a', everyEvents: 10, pollMs: 1000 });
    const b = new CheckpointSchedule({ witness, events, leases, owner: 'b', everyEvents: 10, pollMs: 1000 });
    head.position = 9;
    await a.tick();
    await b.tick();
    expect(witness.issued).toEqual([]);
    head.position = 10;
    await b.tick();
    expect([a.leader, b.leader, witness.issued]).toEqual([true, false, []]);
    await a.tick();
    expect(witness.issued).toEqual([10]);
    head.position = 19;
    await a.tick();
    expect(witness.issued).toEqual([10]);

    // A stopping holder gives the lease up (it would last 30 s more), and the other takes the job over at its next look.
    expect((await leases.leases()).find((l) => l.projection === CHECKPOINT_JOB_LEASE)?.owner).toBe('a');
    await a.stop();
    head.position = 20;
    await b.tick();
    expect([b.leader, witness.issued]).toEqual([true, [10, 20]]);
  });
});
