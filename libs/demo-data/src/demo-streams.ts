import {
  campaignDecider,
  CampaignState,
  campaignStreamId,
  Decider,
  DomainEvent,
  organizationDecider,
  OrganizationEvent,
  OrganizationTree,
  problemDecider,
  satisfactionDecider,
  unitProgressDecider,
  userDecider,
  UserState,
  userStreamId,
} from '@platform/domain';
import { CommandStore } from '@platform/common';
import { AppendResult, ExpectedRevision, NewEvent, ReadStreamOptions, SqliteEventStore, StoredEvent } from '@platform/event-store';

type Evolver = Pick<Decider<never, unknown, DomainEvent>, 'evolve' | 'initialState'>;

/** How each stream category folds, for the states the generator reads back (facts, actors, the summary). */
const DECIDERS: Record<string, Evolver> = {
  org: organizationDecider as unknown as Evolver,
  campaign: campaignDecider as unknown as Evolver,
  progress: unitProgressDecider as unknown as Evolver,
  problem: problemDecider as unknown as Evolver,
  satisfaction: satisfactionDecider as unknown as Evolver,
  user: userDecider as unknown as Evolver,
};

interface Stream {
  readonly events: StoredEvent[];
  state: unknown;
}

/**
 * The event store as the generator's command path sees it: every stream is read from memory and
 * every write is queued for the real store, which commits the queue in one transaction when the
 * engine flushes a batch (its clock is then set to the batch's end). What the command path reads
 * back is what it wrote, so it decides exactly as it would against the stored history.
 */
export class DemoStreams implements CommandStore {
  readonly tree = new OrganizationTree();
  private readonly streams = new Map<string, Stream>();
  /** Problem ids in registration order, the order the warning check reads them in. */
  readonly problemOrder: string[] = [];
  readonly eventTypes = new Map<string, number>();
  readonly warningLevels: Record<string, number> = {};
  eventCount = 0;
  private pending: Promise<AppendResult>[] = [];
  pendingWrites = 0;

  constructor(private readonly store: SqliteEventStore) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events = this.streams.get(streamId)?.events ?? [];
    return options.fromRevision ? events.slice(options.fromRevision) : events;
  }

  async findByIdempotencyKey(): Promise<StoredEvent[]> {
    return [];
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.pending.push(this.store.append(streamId, events, expected));
    this.pendingWrites += 1;
    // The generator writes into an empty store, one write after another: positions follow the count.
    const stream = this.streams.get(streamId) ?? this.open(streamId);
    const positions = events.map((e) => this.record(streamId, stream, e as unknown as DomainEvent));
    return { streamId, nextExpectedRevision: stream.events.length - 1, positions, eventIds: events.map((e) => e.eventId), deduplicated: false };
  }

  /** The queued writes, committed together. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    this.pendingWrites = 0;
    await Promise.all(pending);
  }

  get queued(): number {
    return this.pending.length;
  }

  stateOf<S>(streamId: string): S | undefined {
    return this.streams.get(streamId)?.state as S | undefined;
  }

  campaign(campaignId: string): CampaignState {
    return this.stateOf<CampaignState>(campaignStreamId(campaignId)) ?? campaignDecider.initialState();
  }

  user(userId: string): UserState | undefined {
    return this.stateOf<UserState>(userStreamId(userId));
  }

  has(streamId: string): boolean {
    return this.streams.has(streamId);
  }

  *entries(): Iterable<[string, unknown]> {
    for (const [id, s] of this.streams) yield [id, s.state];
  }

  private open(streamId: string): Stream {
    const category = streamId.slice(0, streamId.indexOf('-'));
    const stream: Stream = { events: [], state: DECIDERS[category]?.initialState() ?? null };
    this.streams.set(streamId, stream);
    if (category === 'problem') this.problemOrder.push(streamId.slice('problem-'.length));
    return stream;
  }

  /** Answers the event's position in the store. */
  private record(streamId: string, stream: Stream, e: DomainEvent): number {
    const category = streamId.slice(0, streamId.indexOf('-'));
    stream.events.push({ streamId, streamRevision: stream.events.length, type: e.type, data: e.data } as StoredEvent);
    const decider = DECIDERS[category];
    if (decider) stream.state = decider.evolve(stream.state, e);
    if (category === 'org') this.tree.apply(e as OrganizationEvent);
    this.eventTypes.set(e.type, (this.eventTypes.get(e.type) ?? 0) + 1);
    if (e.type === 'DeadlineWarningRaised') {
      const level = (e.data as { level: string }).level;
      this.warningLevels[level] = (this.warningLevels[level] ?? 0) + 1;
    }
    return ++this.eventCount;
  }
}
