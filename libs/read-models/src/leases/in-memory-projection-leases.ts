import { HoldRequest, ProjectionLease, ProjectionLeases } from './projection-leases.port';

/** Leases held in memory: for the in-memory read store, shared by every runner on the same store data. */
export class InMemoryProjectionLeases implements ProjectionLeases {
  private readonly held = new Map<string, ProjectionLease>();

  async hold(request: HoldRequest): Promise<{ held: boolean; lease: ProjectionLease | null }> {
    const { projection, owner, ttlMs, now, takeFrom } = request;
    const current = this.held.get(projection);
    const free =
      !current || current.owner === owner || Date.parse(current.expiresAt) <= now.getTime() || (takeFrom !== undefined && current.owner === takeFrom);
    if (!free) return { held: false, lease: structuredClone(current) };
    const report = request.report === undefined ? (current?.report ?? null) : request.report;
    const lease: ProjectionLease = { projection, owner, expiresAt: new Date(now.getTime() + ttlMs).toISOString(), renewedAt: now.toISOString(), report };
    this.held.set(projection, lease);
    return { held: true, lease: structuredClone(lease) };
  }

  async release(projection: string, owner: string, now: Date): Promise<void> {
    const current = this.held.get(projection);
    if (current?.owner === owner) this.held.set(projection, { ...current, expiresAt: now.toISOString() });
  }

  async leases(): Promise<ProjectionLease[]> {
    return [...this.held.values()].sort((a, b) => a.projection.localeCompare(b.projection)).map((l) => structuredClone(l));
  }
}
