import { Inject, Injectable } from '@nestjs/common';
import { commandEdges, StreamCommandRunner, UseCaseExecutor } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/** What marking read needs to know: how far the log goes, and which position a client's token names. */
export interface InboxPorts {
  headPosition(): Promise<number>;
  /** null: not a token of this store. */
  positionOf(token: string): number | null;
}

@Injectable()
export class InboxCommands extends UseCaseExecutor<InboxPorts> {
  constructor(runner: StreamCommandRunner, @Inject(EVENT_STORE) events: EventStore) {
    super(runner, { headPosition: () => events.headPosition(), positionOf: (token) => events.positions.position(token) });
  }
}

/** Its command routes, by OpenAPI tag: each use case's edge names its route and contract (see commandEdge). */
export const inboxEdge = commandEdges(InboxCommands, 'inbox 待办');
