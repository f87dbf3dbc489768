import { readFileSync } from 'node:fs';

/** CPU time (user + system, ms) the kernel has counted for a process's main thread and for all its threads; null where /proc is not there. */
export interface CpuTimes {
  readonly mainMs: number;
  readonly processMs: number;
}

// utime and stime are fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
const cpuMs = (statFile: string, tickMs: number): number => {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * tickMs;
};

/**
 * The main thread of a Node process is its event loop: its CPU time over a run, per answered
 * request, is what each request costs the loop, whatever else ran on the machine meanwhile (the
 * clock ticks of /proc are 10 ms, so a run of a few seconds is needed for a figure).
 */
export function cpuTimes(pid: number): CpuTimes | null {
  const tickMs = 10;
  try {
    return { mainMs: cpuMs(`/proc/${pid}/task/${pid}/stat`, tickMs), processMs: cpuMs(`/proc/${pid}/stat`, tickMs) };
  } catch {
    return null;
  }
}

export function cpuSince(before: CpuTimes | null, pid: number): CpuTimes | null {
  const after = cpuTimes(pid);
  return before && after ? { mainMs: after.mainMs - before.mainMs, processMs: after.processMs - before.processMs } : null;
}
