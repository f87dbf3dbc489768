import { CommandContext, Decider, DomainEvent } from '@platform/domain';
import { CommandMeta } from '../http/command-meta';
import { CommandResult } from './command-result';
import { CommandWrites } from './command-writes';
import { StreamCommandRunner } from './stream-command-runner';

/**
 * One use case of one stream: where its events go, which facts of other contexts it needs, and a
 * pure `toCommand` that turns the request, those facts and the command's context into the
 * decider's command. The HTTP controllers and the demo generator run the very same definition;
 * only the ports (`P`) behind `facts` and the store behind the runner differ.
 */
export interface StreamUseCase<I, C extends CommandContext, S, E extends DomainEvent, F = undefined, P = unknown> {
  /** The command's name in the idempotency fingerprint. */
  readonly name: string;
  readonly decider: Decider<C, S, E>;
  streamId(input: I): string;
  /** The time the user says the fact happened, when the request may carry one (checked: never in the future). */
  occurredAt?(input: I): string | undefined;
  /** Reads what the decider needs from other contexts; runs again with the fresh state on a conflict retry. */
  facts?(input: I, ports: P, state: S, context: CommandContext): Promise<F>;
  toCommand(input: I, facts: F, context: CommandContext): NoInfer<C>;
  /** What the idempotency fingerprint covers; by default the name and the whole input. */
  fingerprint?(input: I): unknown;
}

/**
 * A use case that writes several streams (registering a user and reserving the name, an import):
 * a small process of single-stream appends, made through `writes` one after another. No store
 * needs an atomic multi-stream append for it; instead the use case writes first what makes the
 * command durable, derives what a recovery would write again, and owns the step that completes
 * (or compensates) a process a crash interrupted.
 */
export interface ProcessUseCase<I, P = unknown> {
  readonly name: string;
  steps(input: I, ports: P, context: CommandContext, runner: StreamCommandRunner, writes: CommandWrites): Promise<void>;
  fingerprint?(input: I): unknown;
}

/** Load, gather facts, decide, append: the one path of every command, whatever sent it. */
export async function runUseCase<I, C extends CommandContext, S, E extends DomainEvent, F, P>(
  runner: StreamCommandRunner,
  ports: P,
  useCase: StreamUseCase<I, C, S, E, F, P> | ProcessUseCase<I, P>,
  input: I,
  meta: CommandMeta,
): Promise<CommandResult> {
  const print = useCase.fingerprint ? useCase.fingerprint(input) : { command: useCase.name, ...input };
  if ('steps' in useCase) {
    const context = runner.context(meta);
    return runner.runSteps(meta, print, context.at, (writes) => useCase.steps(input, ports, context, runner, writes));
  }
  const context = runner.context(meta, useCase.occurredAt?.(input));
  const command = async (state: S): Promise<C> => useCase.toCommand(input, (await useCase.facts?.(input, ports, state, context)) as F, context);
  return runner.run(useCase.streamId(input), useCase.decider, meta, command, print);
}

/**
 * What a context's controllers call: its use cases with the context's ports. `execute` is typed by
 * the use case: its input is checked at compile time and its answer is a CommandResult.
 */
export class UseCaseExecutor<P> {
  constructor(readonly runner: StreamCommandRunner, readonly ports: P) {}

  execute<I, C extends CommandContext, S, E extends DomainEvent, F>(
    useCase: StreamUseCase<I, C, S, E, F, P> | ProcessUseCase<I, P>,
    input: I,
    meta: CommandMeta,
  ): Promise<CommandResult> {
    return runUseCase(this.runner, this.ports, useCase, input, meta);
  }
}

/**
 * Declares a use case of the decider's stream: `streamUseCase(problemDecider)({ ... })`. The decider
 * comes first so that `toCommand` is checked against the decider's own command type.
 */
export function streamUseCase<C extends CommandContext, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return <I, F = undefined, P = unknown>(definition: Omit<StreamUseCase<I, C, S, E, F, P>, 'decider'>): StreamUseCase<I, C, S, E, F, P> => ({
    ...definition,
    decider,
  });
}
