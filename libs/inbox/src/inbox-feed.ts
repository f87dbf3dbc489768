import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { Observable, share } from 'rxjs';
import { InboxReader } from './inbox-reader';

/** How often the feed looks at the inbox's checkpoint when no append was announced (a projector in another process). */
const POLL_MS = 1_000;

type AppendSignal = { onAppended?(listener: () => void): () => void };

/**
 * The inbox's position each time the projection committed a batch that moved it: one watcher per
 * process, shared by every live stream, started with the first and stopped with the last. An
 * append in this process wakes it at once (it then waits for the projection to catch up); the
 * poll covers projections run elsewhere.
 */
@Injectable()
export class InboxFeed implements OnModuleDestroy {
  private stopped = false;
  readonly positions: Observable<number>;

  constructor(
    private readonly reader: InboxReader,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {
    this.positions = new Observable<number>((subscriber) => {
      let last = -1;
      let checking = false;
      const check = async () => {
        if (checking || this.stopped) return;
        checking = true;
        try {
          await this.reader.catchUp();
          const position = await this.reader.position();
          if (position > last) {
            if (last >= 0) subscriber.next(position);
            last = position;
          }
        } catch (error) {
          subscriber.error(error);
        } finally {
          checking = false;
        }
      };
      void check();
      const timer = setInterval(() => void check(), POLL_MS);
      const unlisten = (this.events as EventStore & AppendSignal).onAppended?.(() => void check());
      return () => {
        clearInterval(timer);
        unlisten?.();
      };
    }).pipe(share());
  }

  onModuleDestroy(): void {
    this.stopped = true;
  }
}
