import { createHash } from 'node:crypto';
import { DomainEvent } from '@platform/domain';
import { AppendResult, CommandStore, ExpectedRevision, NewEvent } from '@platform/event-store';
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
  private readonly key: string | null;
  private readonly print: string | null;
  private ids: { correlationId: string; causationId: string } | null = null;
  private index = 0;
  private readonly appended: { result: AppendResult; types: string[] }[] = [];

  constructor(
    private readonly store: Pick<CommandStore, 'append'>,
    private readonly meta: CommandMeta,
    body: unknown,
    private readonly occurredAt: string,
    private readonly newId: () => string,
  ) {
    this.key = meta.idempotencyKey ? scopedKey(meta) : null;
    this.print = this.key ? fingerprint(body) : null;
  }

  /** Appends to one stream; `eventIds` when the caller derives them itself (a step a recovery repeats with the same ids). */
  async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedRevision, eventIds?: readonly string[]): Promise<AppendResult> {
    // Drawn at the first append, correlation first: the demo generator's seeded ids follow this order.
    const ids = (this.ids ??= { correlationId: this.meta.correlationId, causationId: this.newId() });
    const { actor } = this.meta;
    const envelope = (e: DomainEvent, i: number): NewEvent => ({
      eventId: eventIds?.[i] ?? (this.key ? derivedId(this.key, this.index++) : this.newId()),
      type: e.type,
      data: e.data,
      occurredAt: this.occurredAt,
      actor: { userId: actor.userId, role: actor.role, unitId: actor.unitId ?? null },
      correlationId: ids.correlationId,
      causationId: ids.causationId,
      idempotencyKey: this.key,
      commandFingerprint: this.print,
    });
    const result = await this.store.append(streamId, events.map(envelope), expected);
    this.appended.push({ result, types: events.map((e) => e.type) });
    return result;
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

export function scopedKey(meta: CommandMeta): string {
  return `${meta.actor.userId}:${meta.idempotencyKey}`;
}

/** Stable JSON of the request so that the same key with another body can be told apart. */
export function fingerprint(body: unknown): string {
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

/** A UUID-shaped id derived from a seed: the same step of the same command always gets the same event id. */
export function derivedId(seed: string, index: number | string): string {
  const h = createHash('sha256').update(`${seed}#${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
