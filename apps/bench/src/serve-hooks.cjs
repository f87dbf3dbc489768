// Preloaded (`node -r`) into the built platform the bench starts as `npm start` runs it
// (`node dist/apps/platform/apps/platform/src/main.js`): plain CommonJS, so nothing is compiled in
// the server process. It answers the bench over IPC and changes nothing in the platform.
// Sends { type: 'listening', port, timings } once the HTTP server listens; answers 'stats',
// 'answers' (the app's own latencies since the last ask), 'profile-start', 'profile-stop' (with the
// profile's file) and 'close' (SIGTERM, as an operator stops it).
'use strict';
const net = require('node:net');
const { readFileSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const { tmpdir } = require('node:os');
const { Session } = require('node:inspector');
const http = require('node:http');
const { getHeapStatistics } = require('node:v8');
const { isMainThread, threadId } = require('node:worker_threads');
const { constants, monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');

const sinceStart = () => Math.round(Date.now() - performance.timeOrigin);
// The entry point requires every module synchronously: the first turn of the loop comes after them.
let modulesLoaded = 0;
setImmediate(() => {
  modulesLoaded = sinceStart();
});
const MiB = 2 ** 20;
const toMiB = (bytes) => Math.round(bytes / MiB);

/**
 * The kernel's split of the resident set (/proc/self/status, in kB): anonymous memory is the
 * process's own (heaps of every thread, malloc, SQLite's page caches); file pages are mapped files
 * (SQLite's memory-mapped reads, the code), which are the OS's file cache, shared and dropped under
 * pressure; shmem is shared memory (SQLite's WAL index). Null where /proc is not there.
 */
function residentSplit() {
  let text;
  try {
    text = readFileSync('/proc/self/status', 'utf8');
  } catch {
    return null;
  }
  const kB = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: kB('VmRSS'), anon: kB('RssAnon'), file: kB('RssFile'), shmem: kB('RssShmem') };
}

/** Resident pages of each mapped SQLite file, and how many mappings it has (one per connection that maps it). */
function mappedDatabases() {
  let text;
  try {
    text = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return [];
  }
  const files = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = /\.sqlite(-shm)?$/.test(header[1]) ? header[1] : null;
      if (current && !files.has(current)) files.set(current, { file: basename(current), mappings: 0, rssMiB: 0 });
      if (current) files.get(current).mappings += 1;
      continue;
    }
    const rss = current && /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) files.get(current).rssMiB += Number(rss[1]) / 1024;
  }
  return [...files.values()].map((f) => ({ ...f, rssMiB: Math.round(f.rssMiB) })).filter((f) => f.rssMiB > 0 || f.mappings > 0);
}

// Each thread's V8 heap (committed), so the peak's own memory can be told apart: the projector
// thread preloads this file too and posts its heap's size here on a channel of the process.
const heaps = new BroadcastChannel('bench-serve-hooks-heaps');
heaps.unref();
const otherThreads = new Map();
if (isMainThread) heaps.onmessage = (e) => otherThreads.set(e.data.threadId, e.data);
const heapBytes = () => getHeapStatistics().total_heap_size;
const usedBytes = () => getHeapStatistics().used_heap_size;
// What the heap held just after its latest full collection (its live objects then): the heap's
// size beside it is what V8 allowed to grow on top, which the growth setting governs.
let afterFullCollection = 0;
// Where the API's thread stood still between two 'answers' asks: its collections' pauses and how
// late its event loop ran timers (the same span as the app's latencies; main thread only).
const freshPauses = () => ({ collections: 0, pauseMs: 0, longestMs: 0, full: 0, longestFullMs: 0 });
let pauses = null;
let loopDelay = null;
new PerformanceObserver((list) => {
  const entries = list.getEntries();
  if (entries.some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) afterFullCollection = usedBytes();
  if (!pauses) return;
  for (const e of entries) {
    const full = e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
    pauses.collections += 1;
    pauses.pauseMs += e.duration;
    pauses.longestMs = Math.max(pauses.longestMs, e.duration);
    if (full) {
      pauses.full += 1;
      pauses.longestFullMs = Math.max(pauses.longestFullMs, e.duration);
    }
  }
}).observe({ entryTypes: ['gc'] });
/** The pauses and loop delays since the last ask, and a fresh start for the next. */
function takePauses() {
  const taken = pauses && loopDelay ? { ...pauses, loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 } } : null;
  pauses = freshPauses();
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
  }
  loopDelay.reset();
  return taken;
}
const otherThreadsMiB = (field) => toMiB([...otherThreads.values()].reduce((sum, t) => sum + t[field], 0));

// The path of the request that arrived last: what the server was doing when the peak was sampled.
let lastRequest = null;
// The app's own view of each answer, apart from the load generator's: from the request's arrival
// (its headers parsed) to the answer's last byte handed to the kernel, and for the first answer on
// a connection from the connection's accept; collected from the bench's first 'answers' on, and
// handed over and started afresh at each.
let answers = null;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === 'connection') request.benchAcceptedAt = performance.now();
  if (event === 'request') {
    lastRequest = `${request.method} ${request.url}`;
    const socket = request.socket;
    const arrived = performance.now();
    const accepted = socket.benchAcceptedAt;
    socket.benchAcceptedAt = undefined;
    if (answers) rest[0].once('finish', () => {
      if (!answers) return;
      const now = performance.now();
      answers.all.push(now - arrived);
      if (accepted !== undefined) answers.first.push(now - accepted);
    });
  }
  return emit.call(this, event, request, ...rest);
};

// The resident set every 50 ms (its split read from /proc/self/status, a few counters: no walk of
// the heaps or the page tables), keeping the split of the highest one seen.
let peakSampled = { rss: 0, anon: 0, file: 0, shmem: 0 };
let atPeak = null;
function sample() {
  if (!isMainThread) {
    heaps.postMessage({ threadId, heapBytes: heapBytes(), usedBytes: usedBytes(), afterFullCollection });
    return;
  }
  const split = residentSplit() ?? { rss: process.memoryUsage.rss(), anon: 0, file: 0, shmem: 0 };
  if (split.rss <= peakSampled.rss) return;
  peakSampled = split;
  atPeak = {
    mainHeapMiB: toMiB(heapBytes()),
    mainHeapUsedMiB: toMiB(usedBytes()),
    otherThreadsHeapMiB: otherThreadsMiB('heapBytes'),
    otherThreadsHeapUsedMiB: otherThreadsMiB('usedBytes'),
    mainAfterFullCollectionMiB: toMiB(afterFullCollection),
    otherThreadsAfterFullCollectionMiB: otherThreadsMiB('afterFullCollection'),
    lastRequest,
  };
}
setInterval(sample, isMainThread ? 50 : 250).unref();

const splitMiB = (s) => ({ rssMiB: toMiB(s.rss), anonMiB: toMiB(s.anon), fileMiB: toMiB(s.file), shmemMiB: toMiB(s.shmem) });

function stats() {
  const m = process.memoryUsage();
  sample();
  const now = residentSplit();
  return {
    rssMiB: toMiB(m.rss),
    heapUsedMiB: toMiB(m.heapUsed),
    heapTotalMiB: toMiB(m.heapTotal),
    /** The other threads' (the projector's) V8 heaps as they last posted them: committed and in use. */
    otherThreadsHeapMiB: otherThreadsMiB('heapBytes'),
    otherThreadsHeapUsedMiB: otherThreadsMiB('usedBytes'),
    /** Memory of this thread's JavaScript objects held outside the V8 heap (Buffers, ArrayBuffers). */
    externalMiB: toMiB(m.external),
    arrayBuffersMiB: toMiB(m.arrayBuffers),
    /** Now: anonymous (the process's own), file-backed (mapped files), shared memory. */
    resident: now ? splitMiB(now) : null,
    peakSampledRssMiB: toMiB(peakSampled.rss),
    /** The split of the highest resident set sampled. */
    peakResident: splitMiB(peakSampled),
    /** At the highest sample: the V8 heap of the main thread and of the others (the projector), committed, in use (live objects and garbage not yet collected) and held after the latest full collection, and the request that arrived last. */
    atPeak,
    mappedDatabases: mappedDatabases(),
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

// The other threads (the projector) profile themselves while the main thread does, each writing
// its .cpuprofile into BENCH_KEEP_PROFILES (only then): the projector's share of a note is its own.
const profiling = new BroadcastChannel('bench-serve-hooks-profile');
profiling.unref();
if (!isMainThread && process.env.BENCH_KEEP_PROFILES) {
  let threadSession = null;
  profiling.onmessage = (e) => {
    if (e.data.type === 'start' && !threadSession) {
      threadSession = new Session();
      threadSession.connect();
      threadSession.post('Profiler.enable', () => threadSession.post('Profiler.setSamplingInterval', { interval: 500 }, () => threadSession.post('Profiler.start')));
    } else if (e.data.type === 'stop' && threadSession) {
      const s = threadSession;
      threadSession = null;
      s.post('Profiler.stop', (error, result) => {
        s.disconnect();
        if (!error) writeFileSync(join(process.env.BENCH_KEEP_PROFILES, `bench-thread${threadId}-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
      });
    }
  };
}

const kill = process.kill.bind(process);
let session = null;
process.on('message', (m) => {
  switch (m.type) {
    case 'stats':
      process.send({ type: 'stats', stats: stats() });
      break;
    case 'answers':
      process.send({ type: 'answers', answers: { ...(answers ?? { first: [], all: [] }), pauses: takePauses() } });
      answers = { first: [], all: [] };
      break;
    case 'profile-start':
      profiling.postMessage({ type: 'start' });
      session = new Session();
      session.connect();
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start', () => process.send({ type: 'profile-started' }))),
      );
      break;
    case 'profile-stop':
      profiling.postMessage({ type: 'stop' });
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
