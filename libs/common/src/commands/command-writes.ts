import { hash } from 'node:crypto';
import { DomainEvent } from '@platform/domain';
import { ActorRef, AppendResult, CommandStore, ExpectedRevision, NewEvent, StoredEvent } from '@platform/event-store';
import { CommandMeta } from '../http/command-meta';
import { CommandResult } from './command-result';

/**
 * The appends of one command, one stream each, in the order the command makes them. Every event
 * gets the command's envelope: one correlation and causation id, the actor, the idempotency key and
 * fingerprint, and an event id derived from the key (or drawn, or given by the caller): a command
 * that writes several streams is a sequence of such appends, each of which a retry recognises by
 * its event ids, so it needs no atomic multi-stream append from the store.
 */
export class CommandWrites {
  private index = 0;
  private readonly appended: { result: AppendResult; types: string[] }[] = [];

  private constructor(
    private readonly store: Pick<CommandStore, 'append'>,
    private readonly envelope: Envelope,
    private readonly newId: () => string,
  ) {}

  /** The appends of the command `meta` carries, fingerprinted over `body`. */
  static of(store: Pick<CommandStore, 'append'>, meta: CommandMeta, body: unknown, occurredAt: string, newId: () => string): CommandWrites {
    const key = meta.idempotencyKey ? scopedKey(meta) : null;
    const { actor } = meta;
    let ids: CommandIds | null = null;
    // Drawn at the first append, correlation first: the demo generator's seeded ids follow this order.
    const drawIds = () => (ids ??= { correlationId: meta.correlationId, causationId: newId() });
    return new CommandWrites(store, { actor: { userId: actor.userId, role: actor.role, unitId: actor.unitId ?? null }, ids: drawIds, key, print: key ? fingerprint(body) : null, occurredAt }, newId);
  }

  /**
   * More appends of the command that wrote `journal` (a journal's event, see `journal()`), as it
   * enveloped them: its actor, ids, key and fingerprint. How a recovery finishes a command that a
   * crash interrupted, so that the events it writes again are recognised as the command's own.
   */
  static continuing(store: Pick<CommandStore, 'append'>, journal: StoredEvent, newId: () => string): CommandWrites {
    const ids = { correlationId: journal.correlationId, causationId: journal.causationId ?? journal.eventId };
    const key = journal.idempotencyKey?.endsWith(JOURNAL_SUFFIX) ? journal.idempotencyKey.slice(0, -JOURNAL_SUFFIX.length) : null;
    return new CommandWrites(store, { actor: journal.actor, ids: () => ids, key, print: journal.commandFingerprint, occurredAt: journal.occurredAt }, newId);
  }

  /**
   * Appends of the same command that keep its progress (a process's journal) rather than answer
   * it: same ids and fingerprint, filed under the key with a suffix, so that a retry is answered
   * with what the command wrote and a recovery still finds the key.
   */
  journal(): CommandWrites {
    const { key } = this.envelope;
    return new CommandWrites(this.store, { ...this.envelope, key: key ? `${key}${JOURNAL_SUFFIX}` : null }, this.newId);
  }

  /** Appends to one stream; `eventIds` when the caller derives them itself (a step a recovery repeats with the same ids). */
  async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedRevision, eventIds?: readonly string[]): Promise<AppendResult> {
    const { actor, key, print, occurredAt } = this.envelope;
    const ids = this.envelope.ids();
    const envelope = (e: DomainEvent, i: number): NewEvent => ({
      eventId: eventIds?.[i] ?? (key ? derivedId(key, this.index++) : this.newId()),
      type: e.type,
      data: e.data,
      occurredAt,
      actor,
      correlationId: ids.correlationId,
      causationId: ids.causationId,
      idempotencyKey: key,
      commandFingerprint: print,
    });
    const result = await this.store.append(streamId, events.map(envelope), expected);
    this.appended.push({ result, types: events.map((e) => e.type) });
    return result;
  }

  /** The command's scoped idempotency key, when it has one: what a process derives its ids from so that a retry derives the same. */
  get idempotencyKey(): string | null {
    return this.envelope.key;
  }

  /** What the command wrote, each stream at its last revision; replayed when every append found its events already stored. */
  result(): CommandResult {
    const streams = new Map<string, number>();
    for (const { result } of this.appended) streams.set(result.streamId, result.nextExpectedRevision);
    return {
      streams: [...streams].map(([streamId, revision]) => ({ streamId, revision })),
      positions: this.appended.flatMap((a) => a.result.positions),
      eventIds: this.appended.flatMap((a) => a.result.eventIds),
      eventTypes: this.appended.flatMap((a) => a.types),
      replayed: this.appended.length > 0 && this.appended.every((a) => a.result.deduplicated),
    };
  }
}

const JOURNAL_SUFFIX = '#journal';

interface CommandIds {
  readonly correlationId: string;
  readonly causationId: string;
}

interface Envelope {
  readonly actor: ActorRef;
  readonly ids: () => CommandIds;
  readonly key: string | null;
  readonly print: string | null;
  readonly occurredAt: string;
}

export function scopedKey(meta: CommandMeta): string {
  return `${meta.actor.userId}:${meta.idempotencyKey}`;
}

/** Stable JSON of the request so that the same key with another body can be told apart. */
export function fingerprint(body: unknown): string {
  return hash('sha256', stableStringify(body ?? null), 'hex');
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

/** A UUID-shaped id derived from a seed: the same step of the same command always gets the same event id. */
export function derivedId(seed: string, index: number | string): string {
  const h = hash('sha256', `${seed}#${index}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
