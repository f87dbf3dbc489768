/** How far behind a stale view is, as X-View-Stale says: events where the store can count them, and time. */
export interface ViewLag {
  readonly events: number | null;
  readonly ms: number;
}

/** What the last view answered about itself: its position token and whether projections lag behind. */
export interface ViewStatus {
  readonly stale: boolean;
  /** Opaque: shown and passed back as asOf, never computed with. */
  readonly position: string | null;
  readonly lag: ViewLag | null;
  /** Where the event hash chain broke (X-Chain-Broken on any answer): reads go on, writes wait for an administrator. */
  readonly chainBroken: number | null;
}

/** `true; events=3; ms=1200; checkpoint=0000000000000041` (events absent where the store cannot count): the lag, or null for a view that is not stale. */
export function parseStale(header: string | null): ViewLag | null {
  if (header === null) return null;
  const [flag, ...parts] = header.split(';').map((s) => s.trim());
  if (flag !== 'true') return null;
  const fields = new Map(parts.map((p) => p.split('=') as [string, string]));
  const events = fields.has('events') ? Number(fields.get('events')) : null;
  return { events: events !== null && Number.isFinite(events) ? events : null, ms: Number(fields.get('ms')) || 0 };
}

let status: ViewStatus = { stale: false, position: null, lag: null, chainBroken: null };
const listeners = new Set<() => void>();

const sameLag = (a: ViewLag | null, b: ViewLag | null) => a === b || (a !== null && b !== null && a.events === b.events && a.ms === b.ms);

export const viewStatus = {
  get: () => status,
  report(patch: Partial<ViewStatus>): void {
    const next = { ...status, ...patch };
    if (next.stale === status.stale && next.position === status.position && sameLag(next.lag, status.lag) && next.chainBroken === status.chainBroken) return;
    status = next;
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
