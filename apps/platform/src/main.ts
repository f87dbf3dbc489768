import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadPlatformConfig } from '@platform/common';
import { createPlatformApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const app = await createPlatformApp(config);
  await app.listen(config.port);
  new Logger('platform').log(`listening on http://localhost:${config.port} (data in ${config.dataDir}); API docs at /api/docs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
