import type { MachineInfo } from './support/machine';
import type { SectionResult } from './support/model';

/** The city section's key figures at one scale: one column of the scaling table. */
export interface ScalePoint {
  readonly scale: number;
  readonly events: number;
  readonly date: string;
  readonly load: readonly number[];
  readonly quick: boolean;
  /** Figure per row of SCALING_ROWS (null when the run did not measure it). */
  readonly figures: Record<string, number | null>;
}

const REBUILD = 'rebuild every view, whole history (npm run rebuild)';

/** The rows: which city figures the curve follows, and whether they must stay flat in history length. */
export const SCALING_ROWS: ReadonlyArray<{ metric: string; unit: string; flat: boolean; from?: { metric: string; pick: 'reference' | 'ratio' } }> = [
  { metric: 'board, whole city: p95', unit: 'ms', flat: true },
  { metric: 'board, one county: p95', unit: 'ms', flat: true },
  { metric: 'tracker summary, whole city: p95', unit: 'ms', flat: true },
  { metric: 'tracker summary, one county: p95', unit: 'ms', flat: true },
  { metric: 'problem list with filters, whole city: p95', unit: 'ms', flat: true },
  { metric: 'problem list unfiltered, whole city: p95', unit: 'ms', flat: true },
  { metric: 'board as of a month ago: p95', unit: 'ms', flat: true },
  { metric: 'board as of a middle position: p95', unit: 'ms', flat: true },
  { metric: 'tracker as of a month ago: p95', unit: 'ms', flat: true },
  { metric: 'tracker as of a middle position: p95', unit: 'ms', flat: true },
  { metric: 'board as of a moment not asked before: p95', unit: 'ms', flat: true },
  { metric: 'tracker as of a moment not asked before: p95', unit: 'ms', flat: true },
  { metric: 'board as of a month ago, one county: p95', unit: 'ms', flat: true },
  { metric: 'tracker as of a month ago, one county: p95', unit: 'ms', flat: true },
  { metric: 'board as of a moment not asked before, one county: p95', unit: 'ms', flat: true },
  { metric: 'tracker as of a moment not asked before, one county: p95', unit: 'ms', flat: true },
  { metric: 'audit trail, whole city, one page: p95', unit: 'ms', flat: true },
  { metric: 'restart to healthy (projections at lag 0)', unit: 'ms', flat: false },
  { metric: REBUILD, unit: 'events/s', flat: true },
  { metric: 'rebuild every view, whole history: events per CPU second', unit: 'events/s', flat: true },
  // The rebuild's reference over the same history: what the views' evolve alone does as the history grows.
  { metric: 'raw loop (same evolve, into Maps), whole history', unit: 'events/s', flat: true, from: { metric: REBUILD, pick: 'reference' } },
  { metric: 'rebuild over the raw loop, whole history', unit: '×', flat: true, from: { metric: REBUILD, pick: 'ratio' } },
  { metric: 'peak memory (server RSS)', unit: 'MiB', flat: false },
];

/** The point of this run's city section, if it ran. */
export function scalePoint(sections: readonly SectionResult[], machine: MachineInfo, scale: number, quick: boolean): ScalePoint | null {
  const city = sections.find((s) => s.key === 'city');
  if (!city || city.pending) return null;
  const byMetric = new Map(city.comparisons.map((c) => [c.metric, c]));
  const figure = (r: (typeof SCALING_ROWS)[number]): number | null => {
    const c = byMetric.get(r.from?.metric ?? r.metric);
    if (!c) return null;
    if (r.from?.pick === 'reference') return c.reference?.spread.median ?? null;
    if (r.from?.pick === 'ratio') return c.ratio?.median ?? null;
    return c.ours.spread.median;
  };
  return {
    scale,
    events: Number((city.raw as { head?: number }).head ?? 0),
    date: machine.date,
    load: machine.loadAtStart,
    quick,
    figures: Object.fromEntries(SCALING_ROWS.map((r) => [r.metric, figure(r)])),
  };
}

/** This run's point replaces the earlier one at its scale; the others are kept, smallest scale first. */
export function mergeScaling(earlier: readonly ScalePoint[] | undefined, point: ScalePoint | null): ScalePoint[] {
  const kept = (earlier ?? []).filter((p) => !point || p.scale !== point.scale);
  return [...kept, ...(point ? [point] : [])].sort((a, b) => a.scale - b.scale);
}

const shown = (x: number | null, unit: string) =>
  x === null || !Number.isFinite(x) ? '–' : unit === '×' ? `${x.toFixed(2)}×` : unit === 'ms' && x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');

/**
 * The table: one column per scale, one row per figure, and the ratio of the largest scale to the
 * smallest (about 1 for what stays flat in history length, about the ratio of events for what grows).
 */
export function renderScaling(points: readonly ScalePoint[]): string[] {
  if (points.length === 0) return [];
  const first = points[0];
  const last = points[points.length - 1];
  const out = [
    '## Scaling with history',
    '',
    `The city section's key figures on cities of the same seed generated at several \`DEMO_SCALE\`s (each measured in its own run, \`npm run bench -- --only=city --quick --merge --scale=S --city-dir=… --keep-read-models --rebuild-city\`). The last column is the largest scale's figure over the smallest's, against ${(last.events / Math.max(1, first.events)).toFixed(2)}× the events: about 1 is flat in history length. A scale multiplies the organization (units, problems) with the history, so a whole-city scope also grows with it; one county's stays about the same. Quick runs (two rounds of 20 requests per kind) on a shared machine: differences under about 2× are within their noise. The rebuild rows of a run from 2026-12-07 on (its date in the last row) are \`npm run rebuild\` in two threads, the rectification ledger in one of its own; those of earlier runs in one thread: section 4b measures the rebuild at each scale side by side, in the same rounds.`,
    '',
    `| measure | ${points.map((p) => `scale ${p.scale}`).join(' | ')} | scale ${last.scale} / scale ${first.scale} | should stay flat |`,
    `| --- | ${points.map(() => '---').join(' | ')} | --- | --- |`,
    `| events | ${points.map((p) => p.events.toLocaleString('en-US')).join(' | ')} | ${(last.events / Math.max(1, first.events)).toFixed(2)}× | |`,
    ...SCALING_ROWS.map((r) => {
      const a = first.figures[r.metric] ?? null;
      const b = last.figures[r.metric] ?? null;
      const ratio = a !== null && b !== null && a > 0 && points.length > 1 ? `${(b / a).toFixed(2)}×` : '–';
      return `| ${r.metric} (${r.unit}) | ${points.map((p) => shown(p.figures[r.metric] ?? null, r.unit)).join(' | ')} | ${ratio} | ${r.flat ? 'yes' : 'grows'} |`;
    }),
    `| run (date, load average at start) | ${points.map((p) => `${p.date.slice(0, 16)}, ${p.load.join(' / ')}${p.quick ? ', quick' : ''}`).join(' | ')} | | |`,
    '',
  ];
  return out;
}
