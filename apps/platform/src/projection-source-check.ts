import { loadProjectionSourceConfig, PlatformConfig } from '@platform/common';

/**
 * The platform's own projections (PROJECTIONS=worker or in-process) read the event store; only the
 * projector service reads the Kafka feed. Refused at start, so a deployment that asked for the feed
 * does not quietly run on the store instead.
 */
export function refuseUnservedProjectionSource(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): void {
  const mode = config.projections?.mode ?? 'in-process';
  if (mode === 'off') return;
  // A value other than kafka is refused (or accepted) by the projector's own rules, which name the choices.
  if (env.PROJECTION_SOURCE !== 'kafka' && loadProjectionSourceConfig(env).kind === 'store') return;
  throw new Error(
    `PROJECTION_SOURCE=kafka is read by the projector service (npm run projector) only; this platform runs its projections itself (PROJECTIONS=${mode}) from the event store. ` +
      'Set PROJECTIONS=off and run npm run projector with PROJECTION_SOURCE=kafka, or unset PROJECTION_SOURCE.',
  );
}
