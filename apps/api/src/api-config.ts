import { PlatformConfig } from '@platform/common';

/**
 * The API service's share of the platform: commands and queries only. Projections are the
 * projector's (PROJECTIONS=off: queries read what it stored and say how far behind it is), the
 * deadline check, the scheduled audit checkpoints and the global notary are the scheduler's; a
 * notice or an export still gets its checkpoint here, printed on the document it belongs to, and
 * verification against the notary's chain is answered here.
 */
export function apiServiceConfig(config: PlatformConfig): PlatformConfig {
  return {
    ...config,
    projections: { leaseMs: config.projections?.leaseMs ?? 10_000, mode: 'off' },
    witness: { signingKey: config.witness?.signingKey ?? null, everyEvents: 0, everyMinutes: 0 },
    // The scheduler runs the deadline check and the notary (one holder of each lease at a time); API replicas never take them.
    jobs: { deadlineWarnings: false },
    notary: { intervalMs: 0, checkpointEveryEvents: 0, checkpointEveryMinutes: 0 },
  };
}
