import { Decider, DomainEvent, fold } from '../shared/decider';
import { DomainRuleError } from '../shared/domain-error';

/**
 * Given events / when command / then events (or then a refusal), as plain functions so that
 * unit tests read like the rules they check.
 */
export function specify<C, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  const spec = {
    /** One test per row, named after its code: given these events, this command is refused with that code. */
    refusesEach(cases: ReadonlyArray<readonly [code: string, given: readonly E[], command: C]>): void {
      it.each(cases.map(([code, given, command]) => [code, given, command] as const))('refuses with %s', (code, given, command) => {
        spec.given(given).when(command).thenRefused(code);
      });
    },
    given(events: readonly E[]) {
      const state = fold(decider, events);
      return {
        state,
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenRefused(code: string): void {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error).toBeInstanceOf(DomainRuleError);
              expect((error as DomainRuleError).code).toBe(code);
            },
            events: run,
          };
        },
      };
    },
  };
  return spec;
}
