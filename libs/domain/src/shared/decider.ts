/** A fact the domain decided, before the store gives it an envelope. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/**
 * An aggregate as three pure functions: no I/O, no clock. Time, ids and facts from other
 * aggregates arrive inside the command.
 */
export interface Decider<C, S, E extends DomainEvent> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export function fold<S, E extends DomainEvent>(decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>, events: readonly E[]): S {
  return events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
