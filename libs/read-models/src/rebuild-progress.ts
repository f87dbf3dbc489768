import { MultiBar, Presets, SingleBar } from 'cli-progress';
import { ProjectionRunner, RebuildProgress, RebuildResult } from './projection-runner';

export interface RebuildCliOptions {
  /** Where the bars go (default: stderr). */
  readonly stream?: NodeJS.WritableStream;
}

/**
 * Rebuilds the named projections (all when none are named) of one runner together, in one pass
 * over the events, with a progress bar each over global positions. Unknown names are refused
 * before anything is dropped. `npm run rebuild` puts the same pieces (chosenProjections,
 * RebuildBars) together over a runner per thread (the views' rebuildViews).
 */
export async function rebuildWithProgress(
  runner: ProjectionRunner,
  names: readonly string[] = [],
  options: RebuildCliOptions = {},
): Promise<RebuildResult[]> {
  const chosen = chosenProjections(runner.projections().map((p) => p.name), names);
  const bars = new RebuildBars(chosen, options.stream);
  try {
    return await runner.rebuildAll(chosen, { onProgress: (p) => bars.update(p) });
  } finally {
    bars.stop();
  }
}

/** The projections named (all of `known` when none are), refusing a name not known. */
export function chosenProjections(known: readonly string[], names: readonly string[]): string[] {
  const chosen = names.length > 0 ? [...names] : [...known];
  const unknown = chosen.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new Error(`unknown projection(s): ${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`);
  }
  return chosen;
}

/** A progress bar per projection over global positions, fed by rebuilds' progress (of this thread or another's). */
export class RebuildBars {
  private readonly bars: MultiBar;
  private readonly started = new Map<string, SingleBar>();
  private readonly width: number;

  constructor(names: readonly string[], stream?: NodeJS.WritableStream) {
    this.width = Math.max(...names.map((n) => n.length), 4);
    this.bars = new MultiBar(
      {
        format: `{name} |{bar}| {percentage}% | position {value}/{total} | {events} events | {duration_formatted}`,
        stream,
        noTTYOutput: true,
        notTTYSchedule: 1000,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
  }

  update(p: RebuildProgress): void {
    let bar = this.started.get(p.name);
    if (!bar) this.started.set(p.name, (bar = this.bars.create(Math.max(p.head, 1), p.position, { name: p.name.padEnd(this.width), events: p.events })));
    bar.update(p.head === 0 ? 1 : p.position, { events: p.events });
  }

  stop(): void {
    this.bars.stop();
  }
}
