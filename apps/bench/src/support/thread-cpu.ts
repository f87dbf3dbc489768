import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) the kernel has counted for a process's main thread, for its threads
 * running at a lower priority (the platform's projector thread), and for all its threads; null
 * where /proc is not there.
 */
export interface CpuTimes {
  readonly mainMs: number;
  readonly nicedMs: number;
  readonly processMs: number;
}

// Fields of /proc/<pid>/stat counted after the command name's closing parenthesis: utime and stime are fields 14 and 15, nice field 19.
const statFields = (statFile: string): string[] => readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
const cpuMs = (statFile: string, tickMs: number): number => {
  const fields = statFields(statFile);
  return (Number(fields[11]) + Number(fields[12])) * tickMs;
};

/** The threads that still run: one that ended during a run drops out of the sum. */
const nicedThreadsMs = (pid: number, tickMs: number): number => {
  let ms = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
      if (Number(fields[16]) > 0) ms += (Number(fields[11]) + Number(fields[12])) * tickMs;
    } catch {
      // ended meanwhile
    }
  }
  return ms;
};

/**
 * The main thread of a Node process is its event loop: its CPU time over a run, per answered
 * request, is what each request costs the loop, whatever else ran on the machine meanwhile (the
 * clock ticks of /proc are 10 ms, so a run of a few seconds is needed for a figure).
 */
export function cpuTimes(pid: number): CpuTimes | null {
  const tickMs = 10;
  try {
    return { mainMs: cpuMs(`/proc/${pid}/task/${pid}/stat`, tickMs), nicedMs: nicedThreadsMs(pid, tickMs), processMs: cpuMs(`/proc/${pid}/stat`, tickMs) };
  } catch {
    return null;
  }
}

export function cpuSince(before: CpuTimes | null, pid: number): CpuTimes | null {
  const after = cpuTimes(pid);
  return before && after ? { mainMs: after.mainMs - before.mainMs, nicedMs: after.nicedMs - before.nicedMs, processMs: after.processMs - before.processMs } : null;
}
