import { CommandContext, Decider, DomainEvent, DomainRuleError } from '@platform/domain';
import { AppendResult, NewEvent, IdempotencyKeyReusedError, StoredEvent, StreamWrite, WrongExpectedRevisionError } from '@platform/event-store';
import { CommandMeta } from '../http/command-meta';
import { fingerprint } from './command-writes';
import { CommandStore, StreamCommandRunner } from './stream-command-runner';
import { runUseCase, streamUseCase } from './use-case';

type Counted = DomainEvent<'Counted', { by: number; limit: number }>;
type Count = CommandContext & { type: 'Count'; by: number; limit: number };
/** A counter that refuses to pass the limit its facts give. */
const counter: Decider<Count, number, Counted> = {
  initialState: () => 0,
  evolve: (s, e) => s + e.data.by,
  decide: (c, s) => (s + c.by > c.limit ? [] : [{ type: 'Counted', data: { by: c.by, limit: c.limit } }]),
};

interface Limits {
  limit(): Promise<number>;
}

const count = streamUseCase(counter)({
  name: 'Count',
  streamId: (i: { counterId: string; by: number; occurredAt?: string }) => `counter-${i.counterId}`,
  occurredAt: (i) => i.occurredAt,
  facts: (_, ports: Limits) => ports.limit(),
  toCommand: (i, limit, context) => ({ ...context, type: 'Count', by: i.by, limit }),
});

/** Streams in memory; `conflicts` appends fail as if another writer had been first. */
function memoryStore(conflicts = 0) {
  const streams = new Map<string, StoredEvent[]>();
  let position = 0;
  const store: CommandStore & { streams: typeof streams; writes: StreamWrite[]; reads: Array<[string, number]> } = {
    streams,
    writes: [],
    reads: [],
    async readStream(id, options) {
      store.reads.push([id, options?.fromRevision ?? 0]);
      return (streams.get(id) ?? []).slice(options?.fromRevision ?? 0);
    },
    async findByIdempotencyKey() {
      return [];
    },
    async append(streamId, events, expected): Promise<AppendResult> {
      if (conflicts-- > 0) throw new WrongExpectedRevisionError(streamId, 0, 1);
      store.writes.push({ streamId, events, expected });
      const list = streams.get(streamId) ?? [];
      const positions = events.map((e) => {
        list.push({ ...e, streamId, streamRevision: list.length, position: ++position } as unknown as StoredEvent);
        return position;
      });
      streams.set(streamId, list);
      return { streamId, nextExpectedRevision: list.length - 1, positions, eventIds: events.map((e) => e.eventId), deduplicated: false };
    },
  };
  return store;
}

const NOW = new Date('2026-03-01T08:00:00.000Z');
const meta: CommandMeta = { actor: { userId: 'office-1', role: 'office', unitId: null }, scope: { all: true, roots: [] }, correlationId: 'c-1' };
let ids = 0;
const runnerOn = (store: CommandStore) => new StreamCommandRunner(store, () => NOW, () => `id-${++ids}`);

describe('a use case on the one command path', () => {
  it('decides with the facts its ports give and the context of the command, and envelopes with the runner’s ids', async () => {
    const store = memoryStore();
    const result = await runUseCase(runnerOn(store), { limit: async () => 10 }, count, { counterId: 'a', by: 3 }, meta);
    expect(result.streams).toEqual([{ streamId: 'counter-a', revision: 0 }]);
    expect(store.writes[0].events[0]).toMatchObject({
      type: 'Counted',
      data: { by: 3, limit: 10 },
      occurredAt: NOW.toISOString(),
      actor: { userId: 'office-1', role: 'office', unitId: null },
      correlationId: 'c-1',
    });
    expect(store.writes[0].events[0].eventId).toMatch(/^id-/);
  });

  it('takes the time the user gives, and refuses one in the future before reading anything', async () => {
    const store = memoryStore();
    await runUseCase(runnerOn(store), { limit: async () => 10 }, count, { counterId: 'a', by: 1, occurredAt: '2026-02-27T09:00:00Z' }, meta);
    expect(store.writes[0].events[0].occurredAt).toBe('2026-02-27T09:00:00.000Z');
    let asked = 0;
    const late = runUseCase(runnerOn(store), { limit: async () => ++asked }, count, { counterId: 'a', by: 1, occurredAt: '2026-03-02T09:00:00Z' }, meta);
    await expect(late).rejects.toMatchObject({ status: 400 });
    expect(asked).toBe(0);
  });

  it('reads the facts again with the fresh state when another writer was first', async () => {
    const store = memoryStore(1);
    let asked = 0;
    await runUseCase(runnerOn(store), { limit: async () => (++asked, 10) }, count, { counterId: 'a', by: 2 }, meta);
    expect(asked).toBe(2);
    expect(store.writes).toHaveLength(1);
  });

  it('writes nothing when the decider finds nothing to record', async () => {
    const store = memoryStore();
    const result = await runUseCase(runnerOn(store), { limit: async () => 1 }, count, { counterId: 'a', by: 5 }, meta);
    expect(result.positions).toEqual([]);
    expect(store.writes).toEqual([]);
  });

  it('keeps each stream folded between commands: the next load reads only what was written since, whoever wrote it', async () => {
    const store = memoryStore();
    const runner = runnerOn(store);
    const ports = { limit: async () => 100 };
    await runUseCase(runner, ports, count, { counterId: 'a', by: 2 }, meta);
    await runUseCase(runner, ports, count, { counterId: 'a', by: 3 }, meta);
    // Another writer (another runner, another process) appends in between: its event is read and folded in too.
    await runUseCase(runnerOn(store), ports, count, { counterId: 'a', by: 4 }, meta);
    await runUseCase(runner, ports, count, { counterId: 'a', by: 5 }, meta);
    // An empty stream is not kept; from its first event on, only newer events are asked for, and
    // what the runner appended itself is folded in as it appends: the last load asks from the
    // other writer's event (revision 2) on, not again for its own (revision 1).
    expect(store.reads.filter(([id]) => id === 'counter-a').map(([, from]) => from)).toEqual([0, 0, 0, 2]);
    expect(await runner.load('counter-a', counter)).toEqual({ state: 14, revision: 3 });
    // The limit is decided on the whole sum: 14 + 90 would pass 100, so nothing is written.
    const refused = await runUseCase(runner, ports, count, { counterId: 'a', by: 90 }, meta);
    expect(refused.positions).toEqual([]);
  });
});

describe('an Idempotency-Key raced by a retry of the same command', () => {
  /** Opens a counter once: a second open is refused. */
  const opening: Decider<Count, number, Counted> = {
    initialState: () => 0,
    evolve: (s) => s + 1,
    decide: (c, s) => {
      if (s > 0) throw new DomainRuleError('already_open', '已开启 (already open)');
      return [{ type: 'Counted', data: { by: c.by, limit: c.limit } }];
    },
  };
  const keyed: CommandMeta = { ...meta, idempotencyKey: 'open-b' };
  const body = { counterId: 'b' };

  /** The other request is stored between this one's lookup of the key and its load of the stream. */
  function racedBy(storedBody: unknown) {
    const store = memoryStore();
    let lookups = 0;
    store.findByIdempotencyKey = async () => {
      if (++lookups === 1) {
        const theirs = { eventId: 'theirs', type: 'Counted', data: { by: 1, limit: 1 } } as unknown as NewEvent;
        await store.append('counter-b', [theirs], -1);
        return [];
      }
      return (store.streams.get('counter-b') ?? []).map((e) => ({ ...e, commandFingerprint: fingerprint(storedBody) }));
    };
    return store;
  }

  it('answers with what the other stored, not with the refusal its events caused', async () => {
    const store = racedBy(body);
    const runner = runnerOn(store);
    const result = await runner.run('counter-b', opening, keyed, { ...runner.context(keyed), type: 'Count', by: 1, limit: 1 }, body);
    expect(result).toMatchObject({ replayed: true, eventIds: ['theirs'], streams: [{ streamId: 'counter-b', revision: 0 }] });
    expect(store.writes).toHaveLength(1);
  });

  it('refuses as a reused key when the request stored under it was another', async () => {
    const runner = runnerOn(racedBy({ counterId: 'other' }));
    await expect(runner.run('counter-b', opening, keyed, { ...runner.context(keyed), type: 'Count', by: 1, limit: 1 }, body)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('keeps the refusal when nothing was stored under the key', async () => {
    const store = memoryStore();
    await store.append('counter-b', [{ eventId: 'earlier', type: 'Counted', data: { by: 1, limit: 1 } } as unknown as NewEvent], -1);
    const runner = runnerOn(store);
    await expect(runner.run('counter-b', opening, keyed, { ...runner.context(keyed), type: 'Count', by: 1, limit: 1 }, body)).rejects.toBeInstanceOf(DomainRuleError);
  });
});
