import { createHash } from 'node:crypto';
import { FeedConsumer, FeedConsumerHandlers, FeedRecord } from './feed-consumer.port';
import { wakeableWait } from '../wakeable-wait';
import { FeedMessage } from './feed-message';

interface Group {
  readonly members: InMemoryFeedConsumer[];
  readonly offsets: Map<number, bigint>;
}

/**
 * A Kafka topic in memory, with Kafka's rules where the projection feed depends on them: a key
 * always lands on one partition, in send order (an explicit partition overrides it); each
 * consumer group shares the partitions among its members and moves them on every join and leave;
 * a member delivers from the group's committed offsets, so whatever was not committed is
 * delivered again after a crash or a rebalance. The relay writes to it as to its producer.
 */
export class InMemoryFeedTopic {
  private readonly logs: FeedRecord[][];
  private readonly groups = new Map<string, Group>();
  private readonly waiting = new Set<() => void>();

  constructor(readonly partitions = 3) {
    this.logs = Array.from({ length: partitions }, () => []);
  }

  async send(messages: readonly FeedMessage[]): Promise<void> {
    for (const m of messages) {
      const partition = m.partition ?? this.partitionOf(m.key);
      const log = this.logs[partition];
      log.push({ partition, offset: String(log.length), value: m.value, headers: { ...m.headers } });
    }
    for (const wake of [...this.waiting]) wake();
  }

  async partitionCount(): Promise<number> {
    return this.partitions;
  }

  async close(): Promise<void> {
    // Nothing to flush: a send is complete when it resolves.
  }

  partitionOf(key: string): number {
    return createHash('sha256').update(key).digest().readUInt32BE(0) % this.partitions;
  }

  /** A new member of the group (it joins when started). */
  consumer(groupId: string, options: { maxBatch?: number } = {}): InMemoryFeedConsumer {
    return new InMemoryFeedConsumer(this, groupId, options.maxBatch ?? 50);
  }

  committed(groupId: string, partition: number): bigint | null {
    return this.groups.get(groupId)?.offsets.get(partition) ?? null;
  }

  /** @internal */
  group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group) this.groups.set(groupId, (group = { members: [], offsets: new Map() }));
    return group;
  }

  /** @internal Range assignment over the members in join order, as a new generation: every member starts again from the committed offsets. */
  rebalance(groupId: string): void {
    const { members } = this.group(groupId);
    const per = Math.ceil(this.partitions / Math.max(1, members.length));
    members.forEach((m, i) => {
      const mine = Array.from({ length: this.partitions }, (_, p) => p).filter((p) => Math.floor(p / per) === i);
      m.assign(mine);
    });
  }

  /** @internal */
  fetch(partition: number, from: bigint, max: number): FeedRecord[] {
    return this.logs[partition].slice(Number(from), Number(from) + max);
  }

  /** @internal Resolves on the next send, or after `ms`. */
  nextSend(ms: number): Promise<void> {
    return wakeableWait(this.waiting, ms);
  }
}

export class InMemoryFeedConsumer implements FeedConsumer {
  private handlers: FeedConsumerHandlers | null = null;
  private positions = new Map<number, bigint>();
  /** Moves on every assignment: a batch fetched in an older one does not move the new positions. */
  private generation = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  /** Records delivered, redeliveries included. */
  delivered = 0;

  constructor(
    private readonly topic: InMemoryFeedTopic,
    private readonly groupId: string,
    private readonly maxBatch: number,
  ) {}

  async start(handlers: FeedConsumerHandlers): Promise<void> {
    this.handlers = handlers;
    this.running = true;
    this.topic.group(this.groupId).members.push(this);
    this.topic.rebalance(this.groupId);
    this.loop = this.run();
  }

  async commit(offsets: ReadonlyArray<{ partition: number; offset: string }>): Promise<void> {
    const group = this.topic.group(this.groupId);
    // Kafka refuses a commit from a member that no longer holds the partition (an older generation).
    const foreign = offsets.find((o) => !this.running || !this.positions.has(o.partition));
    if (foreign) throw new Error(`partition ${foreign.partition} is not assigned to this member: the group rebalanced`);
    for (const o of offsets) group.offsets.set(o.partition, BigInt(o.offset));
  }

  /** Leaves the group after the batch in hand. */
  async stop(): Promise<void> {
    this.leave();
    await this.loop;
  }

  /** Dies at once: nothing more is delivered or committed, and the group rebalances without it (its session ended). */
  kill(): void {
    this.leave();
  }

  /** @internal */
  assign(partitions: readonly number[]): void {
    const offsets = this.topic.group(this.groupId).offsets;
    this.positions = new Map(partitions.map((p) => [p, offsets.get(p) ?? 0n]));
    this.generation++;
    this.handlers?.assigned(partitions, this.topic.partitions);
  }

  private leave(): void {
    if (!this.running) return;
    this.running = false;
    const { members } = this.topic.group(this.groupId);
    members.splice(members.indexOf(this), 1);
    this.topic.rebalance(this.groupId);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delivered = false;
      for (const partition of [...this.positions.keys()]) {
        const from = this.positions.get(partition);
        if (!this.running || from === undefined) break;
        const records = this.topic.fetch(partition, from, this.maxBatch);
        if (records.length === 0) continue;
        const generation = this.generation;
        try {
          await this.handlers!.records(records);
        } catch {
          // A failed batch is fetched again, as kafkajs restarts the consumer from the committed offsets.
          this.assign([...this.positions.keys()]);
          continue;
        }
        this.delivered += records.length;
        delivered = true;
        if (this.generation === generation) this.positions.set(partition, from + BigInt(records.length));
      }
      await (delivered ? new Promise<void>((resolve) => setImmediate(resolve)) : this.topic.nextSend(20));
    }
  }
}
