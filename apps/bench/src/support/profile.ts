import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of V8's .cpuprofile format we read. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly selfPct: number;
  /** The caller that accounts for most of this function's self time (names native functions). */
  readonly calledFrom: string | null;
}

export interface ProfileSummary {
  readonly label: string;
  readonly totalMs: number;
  /** Self time by function, heaviest first. */
  readonly top: ProfileEntry[];
  /** Self time by area: a package, one of our libs, node internals, GC, idle (waiting on I/O). */
  readonly areas: Array<{ area: string; selfMs: number; selfPct: number }>;
}

const ROOT = process.cwd();

function areaOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle (waiting: I/O, fsync, timers)';
  if (name === '(program)') return 'V8/native (program)';
  if (!url) return name.startsWith('(') ? name : 'native';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  // The built platform's files lie under dist/apps/platform/: their area is the lib or app below that.
  const lib = /\/(libs|apps)\/([^/]+)\//.exec(url.replace(/\/dist\/apps\/[^/]+\//, '/'));
  if (lib) return `${lib[1]}/${lib[2]}`;
  return 'other';
}

function shortUrl(url: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  if (path.startsWith('node:')) return path;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return relative(ROOT, path);
}

export function summarizeProfile(label: string, profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const frameOf = (id: number | undefined): string | null => {
    const n = id === undefined ? undefined : byId.get(id);
    if (!n) return null;
    const { functionName, url, lineNumber } = n.callFrame;
    return `${functionName || '(anonymous)'}${url ? ` ${shortUrl(url)}:${lineNumber + 1}` : ''}`;
  };
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the following interval to sample i.
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, dt));
  }
  const byFunction = new Map<string, { name: string; where: string; us: number; callers: Map<string, number> }>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const key = `${name}\u0000${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0, callers: new Map<string, number>() };
    entry.us += us;
    const caller = frameOf(parentOf.get(id));
    if (caller) entry.callers.set(caller, (entry.callers.get(caller) ?? 0) + us);
    byFunction.set(key, entry);
    const area = areaOf(url, name);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    total += us;
  }
  const pct = (us: number) => (total > 0 ? Math.round((us / total) * 1000) / 10 : 0);
  return {
    label,
    totalMs: Math.round(total / 1000),
    top: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((e) => ({
        name: e.name,
        where: e.where,
        selfMs: Math.round(e.us / 100) / 10,
        selfPct: pct(e.us),
        calledFrom: [...e.callers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
      })),
    areas: [...byArea.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([area, us]) => ({ area, selfMs: Math.round(us / 100) / 10, selfPct: pct(us) })),
  };
}

/** Profiles this process while `work` runs (V8's sampling profiler through the inspector). */
export async function profileInProcess<T>(label: string, work: () => Promise<T>, intervalUs = 500): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    let result: T;
    let profile: CpuProfile;
    try {
      result = await work();
    } finally {
      profile = ((await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
    }
    return { result, summary: summarizeProfile(label, profile) };
  } finally {
    session.disconnect();
  }
}

/** Reads a profile written by `node --cpu-prof` (a child process). */
export function summarizeProfileFile(label: string, file: string): ProfileSummary {
  return summarizeProfile(label, JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
}
