import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { CommandContext, Decider, DomainEvent } from '@platform/domain';
import {
  COMMAND_STORE,
  CommandStore,
  ExpectedRevision,
  IdempotencyKeyReusedError,
  NewEvent,
  WrongExpectedRevisionError,
} from '@platform/event-store';
import { CLOCK, Clock } from '../config/platform-config';
import { FoldedStreams } from '../events/stream-states';
import { CommandMeta } from '../http/command-meta';
import { badRequest } from '../http/validation';
import { CommandResult, resultFromStored } from './command-result';

export interface DecidedWrite {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  readonly expected: ExpectedRevision;
}

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
          return await this.append([{ streamId, events, expected: revision }], meta, body, c.at);
        } catch (error) {
          const retry = error instanceof WrongExpectedRevisionError && meta.expectedRevision === undefined;
          if (!retry || attempt >= CONFLICT_RETRIES) throw error;
        }
      }
    });
  }

  /** For commands that write several streams at once (imports): the writes are already decided. */
  async runMany(meta: CommandMeta, body: unknown, decideWrites: () => Promise<DecidedWrite[]>, occurredAt: string): Promise<CommandResult> {
    return this.idempotent(meta, body, async () => this.append(await decideWrites(), meta, body, occurredAt));
  }

  private async idempotent(meta: CommandMeta, body: unknown, execute: () => Promise<CommandResult>): Promise<CommandResult> {
    if (!meta.idempotencyKey) return execute();
    const prior = await this.store.findByIdempotencyKey(scopedKey(meta));
    if (prior.length === 0) return execute();
    if (prior[0].commandFingerprint !== fingerprint(body)) throw new IdempotencyKeyReusedError(prior[0].streamId);
    return resultFromStored(prior, true);
  }

  private async append(writes: readonly DecidedWrite[], meta: CommandMeta, body: unknown, occurredAt: string): Promise<CommandResult> {
    const key = meta.idempotencyKey ? scopedKey(meta) : null;
    const print = key ? fingerprint(body) : null;
    const correlationId = meta.correlationId;
    const causationId = this.newId();
    let index = 0;
    const envelope = (e: DomainEvent): NewEvent => ({
      eventId: key ? derivedId(key, index++) : this.newId(),
      type: e.type,
      data: e.data,
      occurredAt,
      actor: { userId: meta.actor.userId, role: meta.actor.role, unitId: meta.actor.unitId ?? null },
      correlationId,
      causationId,
      idempotencyKey: key,
      commandFingerprint: print,
    });
    const stored = await this.store.appendMany(
      writes.map((w) => ({ streamId: w.streamId, expected: w.expected, events: w.events.map(envelope) })),
    );
    const replayed = stored.every((s) => s.deduplicated);
    const eventTypes = writes.flatMap((w) => w.events.map((e) => e.type));
    return {
      streams: stored.map((s) => ({ streamId: s.streamId, revision: s.nextExpectedRevision })),
      positions: stored.flatMap((s) => s.positions),
      eventIds: stored.flatMap((s) => s.eventIds),
      eventTypes,
      replayed,
    };
  }
}

function scopedKey(meta: CommandMeta): string {
  return `${meta.actor.userId}:${meta.idempotencyKey}`;
}

/** Stable JSON of the request so that the same key with another body can be told apart. */
function fingerprint(body: unknown): string {
  return createHash('sha256').update(stableStringify(body ?? null)).digest('hex');
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function derivedId(key: string, index: number): string {
  const h = createHash('sha256').update(`${key}#${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
