/** What the last view answered about itself: its position and whether projections lag behind. */
export interface ViewStatus {
  readonly stale: boolean;
  readonly position: number | null;
  /** Where the event hash chain broke (X-Chain-Broken on any answer): reads go on, writes wait for an administrator. */
  readonly chainBroken: number | null;
}

let status: ViewStatus = { stale: false, position: null, chainBroken: null };
const listeners = new Set<() => void>();

export const viewStatus = {
  get: () => status,
  report(patch: Partial<ViewStatus>): void {
    const next = { ...status, ...patch };
    if (next.stale === status.stale && next.position === status.position && next.chainBroken === status.chainBroken) return;
    status = next;
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
