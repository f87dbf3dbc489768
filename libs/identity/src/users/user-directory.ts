import { Inject, Injectable } from '@nestjs/common';
import { USER_EVENT_TYPES, userDecider, UserEvent, UserState } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';

/** Users folded from their events; the sign-in and every request consult it, so a change applies at once. */
@Injectable()
export class UserDirectory {
  private readonly byId = new Map<string, UserState>();
  private readonly byName = new Map<string, string>();
  private position = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(userId: string): Promise<UserState | undefined> {
    await this.refresh();
    return this.byId.get(userId);
  }

  async byUsername(username: string): Promise<UserState | undefined> {
    await this.refresh();
    const id = this.byName.get(username.toLowerCase());
    return id ? this.byId.get(id) : undefined;
  }

  async all(): Promise<UserState[]> {
    await this.refresh();
    return [...this.byId.values()];
  }

  private async refresh(): Promise<void> {
    for (;;) {
      const batch = await this.store.readAll({ after: this.position, types: USER_EVENT_TYPES, limit: 5000 });
      if (batch.length === 0) return;
      for (const e of batch) {
        if (e.position <= this.position) continue;
        const userId = (e.data as { userId: string }).userId;
        const next = userDecider.evolve(this.byId.get(userId) ?? userDecider.initialState(), e as unknown as UserEvent);
        this.byId.set(userId, next);
        this.byName.set(next.username.toLowerCase(), userId);
        this.position = e.position;
      }
    }
  }
}
