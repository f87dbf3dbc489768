import { createHash } from 'node:crypto';
import { RelayMessage } from './integration-events';
import { RelayProducer } from './relay-ports';

/**
 * A partitioned log in memory with Kafka's placement rule (a key always lands on one partition,
 * in send order): the relay's producer when BUS=inprocess, and what its tests read back.
 */
export class InProcessProducer implements RelayProducer {
  private readonly logs: RelayMessage[][];

  constructor(readonly partitions = 3) {
    this.logs = Array.from({ length: partitions }, () => []);
  }

  async send(messages: readonly RelayMessage[]): Promise<void> {
    for (const m of messages) this.logs[m.partition ?? this.partitionOf(m.key)].push(m);
  }

  async partitionCount(): Promise<number> {
    return this.partitions;
  }

  partitionOf(key: string): number {
    return createHash('sha256').update(key).digest().readUInt32BE(0) % this.partitions;
  }

  /** One partition's messages in offset order. */
  partition(index: number): readonly RelayMessage[] {
    return this.logs[index];
  }

  /** Every message, partition by partition. */
  all(): RelayMessage[] {
    return this.logs.flat();
  }

  async close(): Promise<void> {
    // Nothing to flush: a send is complete when it resolves.
  }
}
