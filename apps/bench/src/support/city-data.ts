import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DemoCityMarker, inspectDemoCity } from '@platform/demo-data';
import type { BenchConfig } from '../config';
import { ChildUsage, childResult } from './children';

export interface CityGeneration extends ChildUsage {
  readonly durationMs: number;
  readonly events: number;
  readonly actions: number;
  readonly eventTypes: Record<string, number>;
}

export interface PreparedCity {
  /** The generated city's directory; sections copy it before starting anything on it. */
  readonly sourceDir: string;
  readonly marker: DemoCityMarker;
  /** Set when this run generated it; null when an earlier one did. */
  readonly generation: CityGeneration | null;
  readonly info: { sourceDir: string; reused: boolean; seed: number; scale: number; events: number; now: string; generation: CityGeneration | null };
}

export type CityAvailability = { ok: true; city: PreparedCity } | { ok: false; reason: string };

function generateInChild(dataDir: string, seed: number, scale: number, log: (l: string) => void): Promise<CityGeneration> {
  log(`  generating the city (seed ${seed}, scale ${scale}) into ${dataDir}: once, reused by later runs`);
  return childResult<CityGeneration>('city-generate.child.ts', [dataDir, String(seed), String(scale)], 'city generation');
}

/**
 * The generated city for the rebuild and city sections: ./data-demo or --city-dir when it holds
 * the city of this seed and scale, else the bench's own copy in .tmp/ (generated on first use).
 */
export async function prepareCity(config: BenchConfig, log: (l: string) => void): Promise<CityAvailability> {
  const { citySeed: seed, scale } = config.city;
  const inspect = (dir: string) => inspectDemoCity(dir, seed, scale);
  for (const candidate of [config.city.dataDir, './data-demo'].filter((d): d is string => !!d)) {
    const dir = resolve(candidate);
    if (!existsSync(dir)) continue;
    const status = inspect(dir);
    if (status.status === 'ready') {
      log(`  using the city in ${dir} (seed ${status.marker.seed}, scale ${status.marker.scale}, ${status.marker.events} events)`);
      return { ok: true, city: prepared(dir, status.marker, null) };
    }
    if (candidate === config.city.dataDir) return { ok: false, reason: `${dir} does not hold the city of seed ${seed} at scale ${scale} (${status.status})` };
  }
  const cache = resolve(config.city.cacheDir);
  let status = inspect(cache);
  if (status.status === 'ready') {
    log(`  using the bench's city in ${cache} (${status.marker.events} events, generated for ${status.marker.now})`);
    return { ok: true, city: prepared(cache, status.marker, null) };
  }
  if (status.status !== 'absent') rmSync(cache, { recursive: true, force: true });
  const generation = await generateInChild(cache, seed, scale, log);
  status = inspect(cache);
  if (status.status !== 'ready') return { ok: false, reason: `generated city in ${cache} is not ready (${status.status})` };
  log(`  generated ${generation.events} events in ${(generation.durationMs / 1000).toFixed(1)} s, peak RSS ${generation.peakRssMiB} MiB`);
  return { ok: true, city: prepared(cache, status.marker, generation) };
}

function prepared(sourceDir: string, marker: DemoCityMarker, generation: CityGeneration | null): PreparedCity {
  return {
    sourceDir,
    marker,
    generation,
    info: { sourceDir, reused: generation === null, seed: marker.seed, scale: marker.scale, events: marker.events, now: marker.now, generation },
  };
}
