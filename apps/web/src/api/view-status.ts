/** What the last view answered about itself: its position and whether projections lag behind. */
export interface ViewStatus {
  readonly stale: boolean;
  readonly position: number | null;
}

let status: ViewStatus = { stale: false, position: null };
const listeners = new Set<() => void>();

export const viewStatus = {
  get: () => status,
  report(next: ViewStatus): void {
    if (next.stale === status.stale && next.position === status.position) return;
    status = next;
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
