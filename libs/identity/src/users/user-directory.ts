import { Inject, Injectable } from '@nestjs/common';
import { USER_EVENT_TYPES, userDecider, UserEvent, UsernameReserved, UserState } from '@platform/domain';
import { EventFold } from '@platform/common';
import { EVENT_STORE, EventStore, StoredEvent } from '@platform/event-store';

/**
 * Users folded from their events; the sign-in and every request consult it, so a change applies at
 * once. A name signs in as the user its reservation names: registering writes the user's stream
 * first and the reservation after it, so a user whose reservation is not written yet (a crash
 * between the two) or went to another registration signs in as nobody.
 */
@Injectable()
export class UserDirectory {
  private readonly byId = new Map<string, UserState>();
  /** Names as registered, reserved or not: a name in here is in use. */
  private readonly registeredNames = new Set<string>();
  private readonly reservedFor = new Map<string, string>();
  /** Registrations whose name is not reserved for them yet: their UserRegistered event, which the completion starts from. */
  private readonly unreserved = new Map<string, StoredEvent>();
  private readonly fold: EventFold;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.fold = new EventFold(store, { types: [...USER_EVENT_TYPES, 'UsernameReserved'] }, (e) => {
      if (e.type === 'UsernameReserved') {
        const { username, userId } = (e as unknown as UsernameReserved).data;
        if (!this.reservedFor.has(username.toLowerCase())) this.reservedFor.set(username.toLowerCase(), userId);
        this.unreserved.delete(userId);
        return;
      }
      const userId = (e.data as { userId: string }).userId;
      const next = userDecider.evolve(this.byId.get(userId) ?? userDecider.initialState(), e as unknown as UserEvent);
      this.byId.set(userId, next);
      if (e.type !== 'UserRegistered') return;
      this.registeredNames.add(next.username.toLowerCase());
      if (this.reservedFor.get(next.username.toLowerCase()) !== userId) this.unreserved.set(userId, e);
    });
  }

  async get(userId: string): Promise<UserState | undefined> {
    await this.fold.refresh();
    return this.byId.get(userId);
  }

  /** The user this name signs in as. */
  async byUsername(username: string): Promise<UserState | undefined> {
    await this.fold.refresh();
    const id = this.reservedFor.get(username.toLowerCase());
    return id ? this.byId.get(id) : undefined;
  }

  /** Whether a registration or a reservation has the name, even one not completed yet. */
  async nameInUse(username: string): Promise<boolean> {
    await this.fold.refresh();
    return this.registeredNames.has(username.toLowerCase()) || this.reservedFor.has(username.toLowerCase());
  }

  /** Registrations whose name is not reserved for them: a crash came between the two writes, or another registration took the name. */
  async unreservedRegistrations(): Promise<StoredEvent[]> {
    await this.fold.refresh();
    return [...this.unreserved.values()];
  }

  async all(): Promise<UserState[]> {
    await this.fold.refresh();
    return [...this.byId.values()];
  }
}
