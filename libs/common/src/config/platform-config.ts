import { resolve } from 'node:path';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;

export interface PlatformConfig {
  readonly port: number;
  readonly dataDir: string;
  /** Accept the development actor header (x-dev-actor); never in production. */
  readonly devActorHeader: boolean;
}

/** Reads the environment once; every variable has a documented default (see README). */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    devActorHeader: env.DEV_ACTOR_HEADER !== '0',
  };
}
