import { Actor } from '../shared/actor';

/** The city office, the actor most specs decide as. */
export const CITY_OFFICE: Actor = { userId: 'office-1', role: 'office', unitId: 'city' };

/**
 * A spec's command builder: a command is its type and own fields; the envelope (actor, time) and
 * the fields every command of the spec shares (`common`, e.g. the unit) are filled in.
 */
export const specCommands =
  <C extends { type: string }>(at: string, defaultActor: Actor, common: Record<string, unknown> = {}) =>
  (fields: Record<string, unknown> & { type: C['type'] }, actor: Actor = defaultActor): C =>
    ({ actor, at, ...common, ...fields }) as unknown as C;
