import { Actor, CommandContext } from '../shared/actor';
import { Decider, DomainEvent } from '../shared/decider';

/**
 * Runs commands through a decider one after another, as the use cases would, and collects the
 * events it decides: projection specs then read facts the domain really produces.
 */
export function decidedHistory<C extends CommandContext, S, E extends DomainEvent>(decider: Decider<C, S, E>, base: { actor: Actor; at: string } & Record<string, unknown>) {
  let state = decider.initialState();
  const events: E[] = [];
  return {
    run(fields: Record<string, unknown>, actor: Actor = base.actor): E[] {
      const decided = decider.decide({ ...base, actor, ...fields } as unknown as C, state);
      for (const e of decided) state = decider.evolve(state, e);
      events.push(...decided);
      return decided;
    },
    get events(): E[] {
      return events;
    },
    get state(): S {
      return state;
    },
  };
}
