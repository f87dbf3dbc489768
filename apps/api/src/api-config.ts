import { PlatformConfig } from '@platform/common';

/**
 * The API service's share of the platform: commands and queries only. Projections are the
 * projector's (PROJECTIONS=off: queries read what it stored and say how far behind it is), the
 * deadline check and the scheduled audit checkpoints are the scheduler's; a notice or an export
 * still gets its checkpoint here, printed on the document it belongs to.
 */
export function apiServiceConfig(config: PlatformConfig): PlatformConfig {
  return {
    ...config,
    projections: { leaseMs: config.projections?.leaseMs ?? 10_000, mode: 'off' },
    witness: { signingKey: config.witness?.signingKey ?? null, everyEvents: 0, everyMinutes: 0 },
    // The scheduler runs the deadline check (one holder of its lease at a time); API replicas never take it.
    jobs: { deadlineWarnings: false },
  };
}
