import 'reflect-metadata';
import { applyHeapGrowthFromEnv, loadPlatformConfig } from '@platform/common';
import { AdministratorBootstrap } from '@platform/identity';
import { projectionsHosting } from './app.module';
import { createPlatformApp } from './bootstrap';
import { catchUpBeforeListening } from './catch-up-before-listening';
import { refuseUnservedProjectionSource } from './projection-source-check';

async function main(): Promise<void> {
  applyHeapGrowthFromEnv();
  const config = loadPlatformConfig();
  refuseUnservedProjectionSource(config);
  const app = await createPlatformApp(config);
  // A projector of their own catches them up (PROJECTIONS=off): the views say how far behind they are meanwhile.
  if (projectionsHosting(config) !== 'off') {
    const stopping = stopSignal();
    try {
      await catchUpBeforeListening(app, stopping.signal);
    } finally {
      stopping.forget();
    }
    // Stopped during the catch-up: the shutdown hooks close the application and end the process.
    if (stopping.signal.aborted) return;
  }
  // Every address, as Node listens by default (Fastify alone would listen on localhost only).
  await app.listen(config.port, '::');
  // Printed last, on lines of their own, so the address and the sign-in are what a new user sees.
  const lines = [
    '',
    `平台已启动 platform ready — 打开 open: http://localhost:${config.port}/   (API 文档 docs: /api/docs, 数据 data: ${config.dataDir})`,
  ];
  const demo = app.get(AdministratorBootstrap).demoAdministrator;
  if (demo) lines.push(`演示登录 demo sign-in：管理员 ${demo.username}，密码 ${demo.password}（仅此一次显示，请登录后修改 shown once, change it after signing in）`);
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}

/**
 * Aborted by SIGTERM or SIGINT, beside the application's own shutdown hooks (which close it and
 * then raise the signal again): a stop during a long first start's catch-up ends the wait, instead
 * of the wait polling the stores the hooks closed and failing the start with a stack trace.
 */
function stopSignal(): { signal: AbortSignal; forget(): void } {
  const controller = new AbortController();
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Error(signal));
  for (const s of signals) process.once(s, onSignal);
  return { signal: controller.signal, forget: () => signals.forEach((s) => process.removeListener(s, onSignal)) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
