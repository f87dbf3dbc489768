// Preloaded (`node -r`) into the built platform the bench starts as `npm start` runs it
// (`node dist/apps/platform/apps/platform/src/main.js`): plain CommonJS, so nothing is compiled in
// the server process. It answers the bench over IPC and changes nothing in the platform.
// Sends { type: 'listening', port, timings } once the HTTP server listens; answers 'stats',
// 'profile-start', 'profile-stop' (with the profile's file) and 'close' (SIGTERM, as an operator stops it).
'use strict';
const net = require('node:net');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { Session } = require('node:inspector');

const sinceStart = () => Math.round(Date.now() - performance.timeOrigin);
// The entry point requires every module synchronously: the first turn of the loop comes after them.
let modulesLoaded = 0;
setImmediate(() => {
  modulesLoaded = sinceStart();
});
let peakSampledRss = 0;
// rss() alone: memoryUsage() walks the heaps, a cost the measured server would pay every 50 ms.
setInterval(() => {
  peakSampledRss = Math.max(peakSampledRss, process.memoryUsage.rss());
}, 50).unref();

function stats() {
  const m = process.memoryUsage();
  peakSampledRss = Math.max(peakSampledRss, m.rss);
  return {
    rssMiB: Math.round(m.rss / 2 ** 20),
    heapUsedMiB: Math.round(m.heapUsed / 2 ** 20),
    peakSampledRssMiB: Math.round(peakSampledRss / 2 ** 20),
    /** The kernel's peak resident set of this process (getrusage ru_maxrss), its threads included. */
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

// The platform's own log line tells when the application was created and initialized.
let created = 0;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (!created && String(chunk).includes('Nest application successfully started')) created = sinceStart();
  return write(chunk, ...rest);
};

const listen = net.Server.prototype.listen;
let announced = false;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    if (announced || !process.send) return;
    announced = true;
    const address = this.address();
    process.send({ type: 'listening', port: address.port, timings: { modulesLoaded, created, listening: sinceStart() }, stats: stats() });
  });
  return listen.apply(this, args);
};

const kill = process.kill.bind(process);
let session = null;
process.on('message', (m) => {
  switch (m.type) {
    case 'stats':
      process.send({ type: 'stats', stats: stats() });
      break;
    case 'profile-start':
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start', () => process.send({ type: 'profile-started' }))),
      );
      break;
    case 'profile-stop':
      session.post('Profiler.stop', (error, result) => {
        session.disconnect();
        session = null;
        const file = join(tmpdir(), `bench-server-${process.pid}-${Date.now()}.cpuprofile`);
        writeFileSync(file, JSON.stringify(result.profile));
        process.send({ type: 'profile-file', file, label: m.label });
      });
      break;
    case 'close': {
      const t = performance.now();
      process.kill(process.pid, 'SIGTERM');
      // The platform closes, then ends itself with the signal: answered just before, once closed.
      process.kill = (pid, signal) => {
        if (pid !== process.pid) return kill(pid, signal);
        process.send({ type: 'closed', closeMs: Math.round(performance.now() - t), stats: stats() }, () => kill(pid, signal));
        return true;
      };
      break;
    }
  }
});
// Stopped as an operator stops it; the IPC channel must not keep a stopped platform alive.
process.channel?.unref();
