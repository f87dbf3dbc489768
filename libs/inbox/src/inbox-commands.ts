import { Inject, Injectable } from '@nestjs/common';
import { StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/** What marking read needs to know: how far the log goes. */
export interface InboxPorts {
  headPosition(): Promise<number>;
}

@Injectable()
export class InboxCommands extends UseCaseExecutor<InboxPorts> {
  constructor(runner: StreamCommandRunner, @Inject(EVENT_STORE) events: EventStore) {
    super(runner, { headPosition: () => events.headPosition() });
  }
}
