import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext, Decider, DomainEvent } from '@platform/domain';
import { CommandStore, commandStoreOf, IdempotencyKeyReusedError, SqliteEventStore } from '@platform/event-store';
import { CommandMeta } from '../http/command-meta';
import { StreamCommandRunner } from './stream-command-runner';

type Counted = DomainEvent<'Counted', { by: number }>;
type Count = CommandContext & { type: 'Count'; by: number };
/** A counter that records nothing once it would pass 5. */
const counter: Decider<Count, number, Counted> = {
  initialState: () => 0,
  evolve: (s, e) => s + e.data.by,
  decide: (c, s) => (s + c.by > 5 ? [] : [{ type: 'Counted', data: { by: c.by } }]),
};

const NOW = new Date('2026-03-01T08:00:00.000Z');
const keyed = (key: string): CommandMeta => ({ actor: { userId: 'office-1', role: 'office', unitId: null }, scope: { all: true, roots: [] }, correlationId: 'c-1', idempotencyKey: key });

/**
 * A keyed command that appends once, on the embedded store (which recognises an event id in any
 * stream): decided without looking its key up first, and a retry still answered with what the
 * first one stored, whatever the stream's state by then.
 */
describe('a keyed command on a store that knows every event id it holds', () => {
  let dir = '';
  let store: SqliteEventStore;
  let lookups: string[];
  let runner: StreamCommandRunner;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'keyed-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), clock: () => NOW });
    const commands = commandStoreOf(store, store);
    lookups = [];
    runner = new StreamCommandRunner({ ...commands, findByIdempotencyKey: (key) => (lookups.push(key), commands.findByIdempotencyKey(key)) }, () => NOW);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const count = (streamId: string, by: number, key: string, r = runner) => r.run(streamId, counter, keyed(key), () => ({ type: 'Count', by, at: NOW.toISOString(), actor: keyed(key).actor }) as Count, { by });

  it('is decided and stored without a lookup of its key', async () => {
    const first = await count('counter-a', 2, 'k-1');
    expect(first).toMatchObject({ replayed: false, positions: [1] });
    expect(lookups).toEqual([]);
  });

  it('answers a retry with the first result, storing nothing again, whether the decision would now differ or not', async () => {
    const first = await count('counter-a', 3, 'k-1');
    // Decided again on the stream as it is now, the same events: the append finds them stored.
    expect(await count('counter-a', 3, 'k-1')).toEqual({ ...first, replayed: true });
    await count('counter-a', 2, 'k-2');
    // Now 5: deciding again would record nothing; the key answers.
    expect(await count('counter-a', 3, 'k-1')).toEqual({ ...first, replayed: true });
    expect((await store.readStream('counter-a')).map((e) => e.data)).toEqual([{ by: 3 }, { by: 2 }]);
    expect(lookups).toEqual(['office-1:k-1', 'office-1:k-1']);
  });

  it('answers the same request sent for another stream under the key with the first result, and refuses another request under it', async () => {
    const first = await count('counter-a', 1, 'k-1');
    expect(await count('counter-b', 1, 'k-1')).toEqual({ ...first, replayed: true });
    expect(await count('counter-a', 2, 'k-1').catch((e: Error) => e)).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await count('counter-b', 2, 'k-1').catch((e: Error) => e)).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream('counter-b')).toEqual([]);
    expect((await store.readStream('counter-a')).map((e) => e.data)).toEqual([{ by: 1 }]);
  });

  it('looks the key up first on a store that recognises event ids only within their stream', async () => {
    const commands: CommandStore = { ...commandStoreOf(store, store), globalEventIds: false };
    const looked: string[] = [];
    const cautious = new StreamCommandRunner({ ...commands, findByIdempotencyKey: (key) => (looked.push(key), commands.findByIdempotencyKey(key)) }, () => NOW);
    const first = await count('counter-a', 1, 'k-1', cautious);
    expect(looked).toEqual(['office-1:k-1']);
    expect(await count('counter-a', 1, 'k-1', cautious)).toEqual({ ...first, replayed: true });
    expect(looked).toEqual(['office-1:k-1', 'office-1:k-1']);
    expect(await store.readStream('counter-a')).toHaveLength(1);
  });
});
