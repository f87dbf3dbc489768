/** One consumed message: where it sits in its partition, and what it holds. */
export interface FeedRecord {
  readonly partition: number;
  /** Kafka's offset, as a decimal string (offsets outgrow JavaScript numbers' exact range). */
  readonly offset: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface FeedConsumerHandlers {
  /**
   * The partitions this member holds after a rebalance, and how many the topic has. Records of a
   * partition it no longer holds are not delivered after this; a partition's records start again
   * from its committed offset (or its beginning) when it is given anew.
   */
  assigned(partitions: readonly number[], total: number): void;
  /** Records of one partition, in offset order; the next ones are fetched when this resolves. */
  records(records: readonly FeedRecord[]): Promise<void> | void;
}

/**
 * A member of a consumer group on one topic, as Kafka has it: partitions shared among the
 * group's members and moved by rebalances, at-least-once delivery from the committed offsets, and
 * offsets committed only when told. Implemented on kafkajs and in memory.
 */
export interface FeedConsumer {
  start(handlers: FeedConsumerHandlers): Promise<void>;
  /** The next offset to read per partition, for the group: what a member starts from after a crash or a rebalance. */
  commit(offsets: ReadonlyArray<{ readonly partition: number; readonly offset: string }>): Promise<void>;
  /** Leaves the group (its partitions go to the other members). */
  stop(): Promise<void>;
}
