import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { ProjectionRunner, RebuildResult } from './projection-runner';

export interface RebuildCliOptions {
  /** Where the bars go (default: stderr). */
  readonly stream?: NodeJS.WritableStream;
}

/**
 * Rebuilds the named projections (all when none are named) together, in one pass over the events,
 * with a progress bar each over global positions — the body of `npm run rebuild [name...]`.
 * Unknown names are refused before anything is dropped.
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
  const bars = new MultiBar(
    {
      format: `{name} |{bar}| {percentage}% | position {value}/{total} | {events} events | {duration_formatted}`,
      stream: options.stream,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = new Map<string, SingleBar>();
  try {
    return await runner.rebuildAll(chosen, {
      onProgress: (p) => {
        let bar = started.get(p.name);
        if (!bar) started.set(p.name, (bar = bars.create(Math.max(p.head, 1), p.position, { name: p.name.padEnd(width), events: p.events })));
        bar.update(p.head === 0 ? 1 : p.position, { events: p.events });
      },
    });
  } finally {
    bars.stop();
  }
}
