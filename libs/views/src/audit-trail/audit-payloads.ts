import type { EventStore } from '@platform/event-store';

/** What a page of the trail shows of an event beside its entry. */
export interface ListedPayload {
  readonly streamId: string;
  readonly type: string;
  readonly prevHash: string | null;
  readonly data: unknown;
  /** Fields of data left out of the page (see listedData), or null. */
  readonly dataOmitted: string[] | null;
}

/** Trimmed notices kept (a notice names every unit it ranks, so every county's trail lists it). */
const KEPT_NOTICES = 64;

/**
 * A notice's snapshot (its whole ranked board, megabytes at city scale) is the notice's content:
 * GET /api/notices/{noticeId} serves it and the payload keeps its snapshotHash to check it by. A
 * page of the trail lists the rest of the payload, so a page is never megabytes for one entry.
 */
export function listedData(data: unknown): { data: unknown; dataOmitted: string[] | null } {
  if (!data || typeof data !== 'object' || !('snapshot' in data) || !('snapshotHash' in data)) return { data, dataOmitted: null };
  const { snapshot: _snapshot, ...rest } = data as Record<string, unknown>;
  return { data: rest, dataOmitted: ['snapshot'] };
}

/**
 * The payloads of a page's events, read from the event store by position. Events never change, so
 * the trimmed payloads of notices (few, each megabytes in the store) are kept: reading and parsing
 * a notice again for every page that lists it cost more than the rest of the page.
 */
export class AuditPayloads {
  private readonly notices = new Map<number, ListedPayload>();

  constructor(private readonly events: EventStore) {}

  async at(position: number): Promise<ListedPayload | null> {
    const kept = this.notices.get(position);
    if (kept) return kept;
    const [stored] = await this.events.readAll({ after: position - 1, until: position, limit: 1 });
    if (!stored) return null;
    const listed = { streamId: stored.streamId, type: stored.type, prevHash: stored.prevHash ?? null, ...listedData(stored.data) };
    if (listed.dataOmitted) {
      this.notices.set(position, listed);
      if (this.notices.size > KEPT_NOTICES) this.notices.delete(this.notices.keys().next().value!);
    }
    return listed;
  }
}
