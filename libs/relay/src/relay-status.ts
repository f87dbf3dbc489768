import { EventStore } from '@platform/event-store';
import { RelayStep } from './event-relay';

export interface RelayStatus {
  /** The last position published and checkpointed. */
  readonly position: number;
  readonly head: number;
  /** Events committed but not yet published, as the store counts them (null where it cannot, e.g. KurrentDB's commit positions). */
  readonly lagEvents: number | null;
  /** How long the oldest unpublished event has waited (0 when caught up): a lag every event store can tell. */
  readonly behindSeconds: number;
  /** The last batch failed and is being retried. */
  readonly failing: boolean;
  readonly lastError: string | null;
  readonly published: number;
}

/**
 * What the relay's /health and /metrics report: its checkpoint against the store's head, and
 * whether its batches currently go through. Fed by the relay's `onStep`.
 */
export class RelayTracker {
  private failing = false;
  private lastError: string | null = null;
  private published = 0;

  /** `position`: the checkpoint the relay starts from. */
  constructor(
    private readonly events: Pick<EventStore, 'readAll' | 'headPosition' | 'countEvents'>,
    private position: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  readonly onStep = (outcome: RelayStep | { readonly error: unknown }): void => {
    if ('error' in outcome) {
      this.failing = true;
      this.lastError = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      return;
    }
    this.failing = false;
    this.position = outcome.position;
    this.published += outcome.published;
  };

  async status(): Promise<RelayStatus> {
    const position = this.position;
    const head = await this.events.headPosition();
    const [oldest] = head > position ? await this.events.readAll({ after: position, limit: 1 }) : [];
    const behindMs = oldest ? Math.max(0, this.clock().getTime() - Date.parse(oldest.recordedAt)) : 0;
    return {
      position,
      head,
      lagEvents: head > position ? await this.events.countEvents(position, head) : 0,
      behindSeconds: behindMs / 1000,
      failing: this.failing,
      lastError: this.lastError,
      published: this.published,
    };
  }
}
