import { EventStore } from '@platform/event-store';
import { IntegrationEventSpec } from './integration-events';
import { integrationContract, RelayContract } from './relay-contract';
import { RelayCheckpoints, RelayProducer } from './relay-ports';

export interface RelayLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface EventRelayOptions {
  /** The checkpoint's name: one per destination (e.g. the Kafka topic). */
  readonly name: string;
  readonly events: Pick<EventStore, 'readAll'>;
  readonly producer: RelayProducer;
  readonly checkpoints: RelayCheckpoints;
  readonly catalogue?: Readonly<Record<string, IntegrationEventSpec>>;
  /** What it publishes (default: the integration events of `catalogue`). */
  readonly contract?: RelayContract;
  /** Events read per batch (default 500): what may be sent twice after a crash. */
  readonly batchSize?: number;
  /** How often an idle relay looks for new events (default 250 ms). */
  readonly pollMs?: number;
  /** Wait after a failed batch before trying it again (default 1 s). */
  readonly retryMs?: number;
  readonly logger?: RelayLogger;
  /** Told after every attempt of the running loop: the batch it published, or the error that failed it. */
  readonly onStep?: (outcome: RelayStep | { readonly error: unknown }) => void;
}

export interface RelayStep {
  readonly read: number;
  readonly published: number;
  readonly position: number;
}

/**
 * Publishes every committed event of the integration contract, in commit order, at least once:
 * a batch is sent, then its last position is saved. A crash between the two sends that batch
 * again after restart and nothing else: duplicates only within the batch whose checkpoint was not
 * saved, never a gap. Consumers apply by the `position` header, so a repeat changes nothing.
 */
export class EventRelay {
  private current: number | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private readonly idle: Array<() => void> = [];

  constructor(private readonly options: EventRelayOptions) {}

  /** The last position whose batch was acknowledged and checkpointed. */
  get position(): number {
    return this.current ?? 0;
  }

  /** One batch: read after the checkpoint, publish what the contract includes, save the checkpoint. */
  async step(): Promise<RelayStep> {
    if (this.current === null) this.current = await this.options.checkpoints.load(this.options.name);
    const batch = await this.options.events.readAll({ after: this.current, limit: this.options.batchSize ?? 500 });
    if (batch.length === 0) return { read: 0, published: 0, position: this.current };
    const contract = this.options.contract ?? integrationContract(this.options.catalogue);
    const messages = await contract.messages(batch, this.options.producer);
    if (messages.length > 0) await this.options.producer.send(messages);
    const last = batch[batch.length - 1].position;
    await this.options.checkpoints.save(this.options.name, last);
    this.current = last;
    return { read: batch.length, published: messages.length, position: last };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Resolves when a batch found nothing new to read (call after start). */
  caughtUp(): Promise<void> {
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let step: RelayStep;
      try {
        step = await this.step();
        this.options.onStep?.(step);
      } catch (error) {
        this.options.onStep?.({ error });
        // The checkpoint was not saved: the same batch is read and sent again.
        this.options.logger?.error(`relay ${this.options.name}: batch after ${this.position} failed, retrying: ${String(error)}`);
        await this.sleep(this.options.retryMs ?? 1000);
        continue;
      }
      if (step.read > 0) continue;
      this.idle.splice(0).forEach((resolve) => resolve());
      await this.sleep(this.options.pollMs ?? 250);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
