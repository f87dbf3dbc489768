import 'reflect-metadata';
import { applyHeapGrowthFromEnv, loadPlatformConfig } from '@platform/common';
import { createPlatformApp } from '../../platform/src/bootstrap';
import { apiServiceConfig } from './api-config';

/**
 * `npm run api`: the API service of the distributed topology — the platform's HTTP API (and the
 * web app) without projections or scheduled jobs, any number of replicas behind one address.
 * Beside it run the projector, the relay and the scheduler (deploy/README.md, "Processes").
 */
async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const config = apiServiceConfig(loadPlatformConfig());
  const app = await createPlatformApp(config, undefined, 'api');
  // Every address, as Node listens by default (Fastify alone would listen on localhost only).
  await app.listen(config.port, '::');
  process.stdout.write(`API service listening on port ${config.port} (data: ${config.dataDir})\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
