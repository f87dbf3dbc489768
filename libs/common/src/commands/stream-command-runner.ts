import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandContext, Decider, DomainEvent } from '@platform/domain';
import {
  COMMAND_STORE,
  CommandStore,
  IdempotencyKeyReusedError,
  StoredEvent,
  WrongExpectedRevisionError,
} from '@platform/event-store';
import { CLOCK, Clock } from '../config/platform-config';
import { FoldedStreams } from '../events/stream-states';
import { CommandMeta } from '../http/command-meta';
import { badRequest } from '../http/validation';
import { CommandResult, resultFromStored } from './command-result';
import { CommandWrites, fingerprint, scopedKey } from './command-writes';

/** How far in the future a user-given time may lie (clock skew), before it is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const CONFLICT_RETRIES = 3;

/** What the runner needs of an event store and the idempotency lookup: the platform's, or the demo generator's write-behind one. */
export type { CommandStore };

/** Where event and causation ids come from: random UUIDs, or the demo generator's seeded sequence. */
export const NEW_ID = Symbol('NEW_ID');

/**
 * The thin part of every command handler: load the stream, decide, append with the expected
 * revision. Idempotency keys make a retried command return its first result; their event ids
 * are derived from the key, so even two racing retries store the events once, and the store
 * compares the request fingerprint in the same transaction, so a racing different request
 * under the same key is refused rather than told it was stored.
 */
@Injectable()
export class StreamCommandRunner {
  /** Streams' folded states, kept between commands (and shared with the access checks' lookups): a load reads only newer events. */
  readonly streams: FoldedStreams;

  constructor(
    @Inject(COMMAND_STORE) private readonly store: CommandStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(NEW_ID) private readonly newId: () => string = randomUUID,
  ) {
    this.streams = new FoldedStreams(store);
  }

  /** The command's time: what the user said (occurredAt) or now; never in the future. */
  context(meta: CommandMeta, occurredAt?: string): CommandContext {
    const now = this.clock();
    if (occurredAt !== undefined && Date.parse(occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw badRequest([{ field: 'occurredAt', rule: 'notInFuture', message: 'occurredAt 不能晚于当前时间 (must not be in the future)' }]);
    }
    return { actor: meta.actor, at: occurredAt ? new Date(occurredAt).toISOString() : now.toISOString() };
  }

  /** The stream's state as stored now: the folded state kept from an earlier load, with only the events since applied. */
  load<S, E extends DomainEvent>(streamId: string, decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>): Promise<{ state: S; revision: number }> {
    return this.streams.of(decider).get(streamId);
  }

  /** Load, decide with fresh state, append; retried on a concurrent write unless the client sent If-Match. */
  async run<C extends CommandContext, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    meta: CommandMeta,
    command: C | ((state: S) => C | Promise<C>),
    body: unknown,
  ): Promise<CommandResult> {
    return this.idempotent(meta, body, async () => {
      for (let attempt = 1; ; attempt++) {
        const { state, revision } = await this.load(streamId, decider);
        if (meta.expectedRevision !== undefined && meta.expectedRevision !== revision) {
          throw new WrongExpectedRevisionError(streamId, meta.expectedRevision, revision);
        }
        const c = typeof command === 'function' ? await (command as (s: S) => C | Promise<C>)(state) : command;
        const events = decider.decide(c, state);
        // A decider may find nothing new to record (a warning already raised): that is a success that writes nothing.
        if (events.length === 0) return { streams: [{ streamId, revision }], positions: [], eventIds: [], eventTypes: [], replayed: false };
        try {
          const writes = this.writes(meta, body, c.at);
          const appended = await writes.append(streamId, events, revision);
          if (!appended.deduplicated) this.streams.of(decider).appended(streamId, revision, events, appended.nextExpectedRevision);
          return writes.result();
        } catch (error) {
          const retry = error instanceof WrongExpectedRevisionError && meta.expectedRevision === undefined;
          if (!retry || attempt >= CONFLICT_RETRIES) throw error;
        }
      }
    }, true);
  }

  /**
   * For commands that write several streams (registering a user, an import): the use case makes
   * its appends one after another, each one stream's, and answers for what a crash between them
   * leaves (see ProcessUseCase).
   */
  async runSteps(meta: CommandMeta, body: unknown, occurredAt: string, steps: (writes: CommandWrites) => Promise<void>): Promise<CommandResult> {
    return this.idempotent(meta, body, async () => {
      const writes = this.writes(meta, body, occurredAt);
      await steps(writes);
      return writes.result();
    });
  }

  /** More appends of the command that wrote this journal event (a recovery finishing it). */
  continuing(journal: StoredEvent): CommandWrites {
    return CommandWrites.continuing(this.store, journal, this.newId);
  }

  /** The appends of one command, enveloped with its ids. */
  writes(meta: CommandMeta, body: unknown, occurredAt: string): CommandWrites {
    return CommandWrites.of(this.store, meta, body, occurredAt, this.newId);
  }

  /**
   * `appendsOnce`: the command appends to one stream, at its end, so when it fails nothing of it
   * is stored. On a store that knows every event id it holds, its key is not looked up first: its
   * event ids are derived from the key and the append recognises them wherever they are stored (and
   * checks the fingerprint) in the transaction that would write them, so a command stored before
   * comes back deduplicated — only then, or when it fails or finds nothing to write, is its first
   * result read under the key and answered. A failure is then a retry's answer when one is stored
   * (a racing retry's events made this decision fail: the unit it creates exists), as it would
   * have been had this one looked a moment later. A command of several appends may fail after
   * storing some of them, which a second lookup would take for a racing retry's: it is looked up
   * first, and gets its own error.
   */
  private async idempotent(meta: CommandMeta, body: unknown, execute: () => Promise<CommandResult>, appendsOnce = false): Promise<CommandResult> {
    if (!meta.idempotencyKey) return execute();
    const lookFirst = !appendsOnce || !this.store.globalEventIds;
    if (lookFirst) {
      const prior = await this.storedUnder(meta, body);
      if (prior) return prior;
      if (!appendsOnce) return execute();
    }
    let result: CommandResult;
    try {
      result = await execute();
    } catch (error) {
      const stored = await this.storedUnder(meta, body);
      if (stored) return stored;
      throw error;
    }
    if (lookFirst || (!result.replayed && result.positions.length > 0)) return result;
    return (await this.storedUnder(meta, body)) ?? result;
  }

  /** The result stored under the command's key, if any; a different request under it is refused. */
  private async storedUnder(meta: CommandMeta, body: unknown): Promise<CommandResult | null> {
    const prior = await this.store.findByIdempotencyKey(scopedKey(meta));
    if (prior.length === 0) return null;
    if (prior[0].commandFingerprint !== fingerprint(body)) throw new IdempotencyKeyReusedError(prior[0].streamId);
    return resultFromStored(prior, true);
  }
}
