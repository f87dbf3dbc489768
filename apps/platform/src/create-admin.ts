import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { loadPlatformConfig, PlatformCommonModule, PlatformConfig } from '@platform/common';
import { EventStoreModule } from '@platform/event-store';
import { AdministratorBootstrap, IdentityModule } from '@platform/identity';

/** `npm run create-admin -- <username>`: the password comes from ADMIN_PASSWORD or standard input. */
async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username) throw new Error('usage: npm run create-admin -- <username>   (password from ADMIN_PASSWORD or stdin)');
  const password = process.env.ADMIN_PASSWORD || (await readLine('password (≥ 10 characters): '));
  const base = loadPlatformConfig();
  const config = { ...base, auth: { ...base.auth, adminUsername: null, adminPassword: null, demo: false } };
  const app = await NestFactory.createApplicationContext(AdminToolModule.forRoot(config), { logger: ['error'] });
  try {
    const created = await app.get(AdministratorBootstrap).ensure(username, password);
    console.log(created ? `管理员 ${username} 已创建 (administrator created)` : `用户 ${username} 已存在，未作改动 (user exists)`);
  } finally {
    await app.close();
  }
}

/**
 * Only what registering a user needs: the whole AppModule would also start the projections and
 * the deadline-warning job, which fold history on start and hold the command up for nothing.
 */
@Module({})
class AdminToolModule {
  static forRoot(config: PlatformConfig) {
    return {
      module: AdminToolModule,
      imports: [PlatformCommonModule.forRoot(config), EventStoreModule.forRoot({ dataDir: config.dataDir }), IdentityModule],
    };
  }
}

function readLine(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => rl.question(prompt, (answer) => (rl.close(), resolve(answer.trim()))));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
