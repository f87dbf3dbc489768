import { Inject, Injectable } from '@nestjs/common';
import { USER_EVENT_TYPES, userDecider, UserEvent, UserState } from '@platform/domain';
import { EventFold } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/** Users folded from their events; the sign-in and every request consult it, so a change applies at once. */
@Injectable()
export class UserDirectory {
  private readonly byId = new Map<string, UserState>();
  private readonly byName = new Map<string, string>();
  private readonly fold: EventFold;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.fold = new EventFold(store, { types: USER_EVENT_TYPES }, (e) => {
      const userId = (e.data as { userId: string }).userId;
      const next = userDecider.evolve(this.byId.get(userId) ?? userDecider.initialState(), e as unknown as UserEvent);
      this.byId.set(userId, next);
      this.byName.set(next.username.toLowerCase(), userId);
    });
  }

  async get(userId: string): Promise<UserState | undefined> {
    await this.fold.refresh();
    return this.byId.get(userId);
  }

  async byUsername(username: string): Promise<UserState | undefined> {
    await this.fold.refresh();
    const id = this.byName.get(username.toLowerCase());
    return id ? this.byId.get(id) : undefined;
  }

  async all(): Promise<UserState[]> {
    await this.fold.refresh();
    return [...this.byId.values()];
  }
}
