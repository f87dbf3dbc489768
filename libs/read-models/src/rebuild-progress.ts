import { Presets, SingleBar } from 'cli-progress';
import { ProjectionRunner, RebuildResult } from './projection-runner';

export interface RebuildCliOptions {
  /** Where the bars go (default: stderr). */
  readonly stream?: NodeJS.WritableStream;
}

/**
 * Rebuilds the named projections (all when none are named) one after another, each with a
 * progress bar over global positions — the body of `npm run rebuild [name...]`. Unknown names are
 * refused before anything is dropped.
 */
export async function rebuildWithProgress(
  runner: ProjectionRunner,
  names: readonly string[] = [],
  options: RebuildCliOptions = {},
): Promise<RebuildResult[]> {
  const known = runner.projections().map((p) => p.name);
  const chosen = names.length > 0 ? [...names] : known;
  const unknown = chosen.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new Error(`unknown projection(s): ${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`);
  }
  const width = Math.max(...chosen.map((n) => n.length), 4);
  const results: RebuildResult[] = [];
  for (const name of chosen) {
    const bar = new SingleBar(
      {
        format: `${name.padEnd(width)} |{bar}| {percentage}% | position {value}/{total} | {events} events | {duration_formatted}`,
        stream: options.stream,
        noTTYOutput: true,
        notTTYSchedule: 1000,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let started = false;
    try {
      const result = await runner.rebuild(name, {
        onProgress: (p) => {
          if (!started) {
            bar.start(Math.max(p.head, 1), p.position, { events: p.events });
            started = true;
          }
          bar.update(p.head === 0 ? 1 : p.position, { events: p.events });
        },
      });
      results.push(result);
    } finally {
      if (started) bar.stop();
    }
  }
  return results;
}
