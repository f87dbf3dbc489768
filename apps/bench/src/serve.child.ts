/**
 * Child process of the bench: the platform on a data directory, as `npm start` runs it (one
 * process, every module), so its start-up time and memory are its own. Argument: dataDir.
 * IPC: sends { type: 'listening', port, timings }; answers 'stats', 'profile-start',
 * 'profile-stop' and 'close'.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { createPlatformApp } from '../../platform/src/bootstrap';
import { catchUpBeforeListening } from '../../platform/src/catch-up-before-listening';
import { benchConfig } from './support/platform';
import { summarizeProfile } from './support/profile';

/** Milliseconds since this process started (module loading included). */
const sinceStart = () => Math.round(Date.now() - performance.timeOrigin);
const modulesLoaded = sinceStart();
let peakSampledRss = 0;
const sampler = setInterval(() => {
  peakSampledRss = Math.max(peakSampledRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

function stats() {
  const m = process.memoryUsage();
  peakSampledRss = Math.max(peakSampledRss, m.rss);
  return {
    rssMiB: Math.round(m.rss / 2 ** 20),
    heapUsedMiB: Math.round(m.heapUsed / 2 ** 20),
    peakSampledRssMiB: Math.round(peakSampledRss / 2 ** 20),
    /** The kernel's peak resident set of this process (getrusage ru_maxrss). */
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  // As `npm start` runs it: the deadline-warning job runs at start and hourly; logs go to stdout.
  delete process.env.NODE_ENV;
  const app = await createPlatformApp(benchConfig(dataDir, null));
  const created = sinceStart();
  // As main.ts: the projections catch up before the platform listens.
  await catchUpBeforeListening(app);
  await app.listen(0, '127.0.0.1');
  const listening = sinceStart();
  const { port } = app.getHttpServer().address() as AddressInfo;
  let session: Session | null = null;
  process.on('message', async (m: { type: string; label?: string }) => {
    switch (m.type) {
      case 'stats':
        process.send?.({ type: 'stats', stats: stats() });
        break;
      case 'profile-start':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
        process.send?.({ type: 'profile-started' });
        break;
      case 'profile-stop': {
        const { profile } = (await session!.post('Profiler.stop')) as unknown as { profile: Parameters<typeof summarizeProfile>[1] };
        session!.disconnect();
        session = null;
        process.send?.({ type: 'profile', summary: summarizeProfile(m.label ?? 'server', profile) });
        break;
      }
      case 'close': {
        const t = performance.now();
        await app.close();
        process.send?.({ type: 'closed', closeMs: Math.round(performance.now() - t), stats: stats() });
        setTimeout(() => process.exit(0), 50);
        break;
      }
    }
  });
  process.send?.({ type: 'listening', port, timings: { modulesLoaded, created, listening }, stats: stats() });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
