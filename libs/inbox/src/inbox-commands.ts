import { Inject, Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
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

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const inboxEdge = commandEdges(InboxCommands, 'inbox 待办');
