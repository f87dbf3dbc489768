import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly date: string;
  readonly nproc: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly totalMemoryMiB: number;
  readonly freeMemoryMiB: number;
  /** 1, 5 and 15 minute load averages when the run started and when it ended. */
  readonly loadAtStart: number[];
  loadAtEnd: number[];
  readonly sqlite: { betterSqlite3: string; nodeSqlite3: string | null };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function machineInfo(sqlite: MachineInfo['sqlite']): MachineInfo {
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpuModel: cpuModel(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMiB: Math.round(totalmem() / 2 ** 20),
    freeMemoryMiB: Math.round(freemem() / 2 ** 20),
    loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    loadAtEnd: [],
    sqlite,
  };
}

export function currentLoad(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}
