import { RelayMessage } from './integration-events';

/** Where the relay publishes: Kafka in distributed mode, an in-process log here and in tests. */
export interface RelayProducer {
  /** Resolves once every message is durably accepted, in order per key; rejects otherwise (some may have been). */
  send(messages: readonly RelayMessage[]): Promise<void>;
  /** The destination's partitions, for messages addressed to each of them. */
  partitionCount?(): Promise<number>;
  close(): Promise<void>;
}

/** The relay's durable position: the last event whose batch was acknowledged by the producer. */
export interface RelayCheckpoints {
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
  close(): Promise<void>;
}
