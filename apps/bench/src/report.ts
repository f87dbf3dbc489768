import type { BenchConfig } from './config';
import { findings, PLATFORM_CHANGES } from './findings';
import type { MachineInfo } from './support/machine';
import type { Comparison, SectionResult } from './support/model';
import type { ProfileSummary } from './support/profile';
import { renderScaling, ScalePoint } from './scaling';
import type { Spread } from './support/stats';

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly config: BenchConfig;
  readonly totalMs: number;
  readonly city: unknown;
  readonly sections: SectionResult[];
  /** The city's key figures per scale, gathered over runs at several scales (see scaling.ts). */
  readonly scaling?: ScalePoint[];
}

function num(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'ms' && x === 0) return '<1';
  if (unit === 'ms') return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(3)).toString();
}

function cell(s: Spread, unit: string): string {
  if (s.n === 0) return '–';
  if (s.n === 1) return num(s.median, unit);
  return `${num(s.median, unit)} <sub>(${num(s.min, unit)}–${num(s.max, unit)})</sub>`;
}

function ratioCell(s: Spread | null): string {
  if (!s || s.n === 0 || !Number.isFinite(s.median)) return '–';
  const f = (x: number) => x.toFixed(2);
  return s.n === 1 ? `${f(s.median)}×` : `${f(s.median)}× <sub>(${f(s.min)}–${f(s.max)})</sub>`;
}

const met = (c: Comparison) => (!c.target ? '' : c.target.met === null ? 'n/a' : c.target.met ? '**met**' : '**not met**');

function table(comparisons: readonly Comparison[]): string {
  const rows = [
    '| measure | ours | reference | ours / reference | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...comparisons.map((c) =>
      [
        `${c.metric} (${c.unit})${c.note ? `<br><sub>${c.note}</sub>` : ''}`,
        `${c.ours.label}: ${cell(c.ours.spread, c.unit)}`,
        c.reference ? `${c.reference.label}: ${cell(c.reference.spread, c.unit)}` : '–',
        ratioCell(c.ratio),
        c.target?.text ?? '',
        met(c),
      ].join(' | '),
    ),
  ];
  return rows.map((r) => (r.startsWith('|') ? r : `| ${r} |`)).join('\n');
}

function profileBlock(p: ProfileSummary): string {
  const areas = p.areas.map((a) => `${a.area} ${a.selfPct}%`).join(' · ');
  const top = [
    '| self time | function | where | mostly called from |',
    '| ---: | --- | --- | --- |',
    ...p.top.map(
      (t) => `| ${t.selfPct}% (${Math.round(t.selfMs)} ms) | \`${t.name}\` | ${t.where ? `\`${t.where}\`` : 'native'} | ${t.calledFrom ? `\`${t.calledFrom}\`` : ''} |`,
    ),
  ];
  return [`**${p.label}** — ${p.totalMs.toLocaleString('en-US')} ms sampled. By area: ${areas}.`, '', ...top].join('\n');
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `Written by \`npm run bench\` (apps/bench) — do not edit by hand; the raw numbers of every round are in [benchmarks.json](benchmarks.json). Benchmarks are never asserted in tests.`,
  );
  out.push('');
  out.push('## Machine and run');
  out.push('');
  out.push('| | |');
  out.push('| --- | --- |');
  out.push(`| date | ${m.date} |`);
  out.push(`| CPU | ${m.cpuModel}, nproc ${m.nproc} |`);
  out.push(`| memory | ${m.totalMemoryMiB.toLocaleString('en-US')} MiB (${m.freeMemoryMiB.toLocaleString('en-US')} MiB free at start) |`);
  out.push(`| node | ${m.node} (${m.platform}) |`);
  out.push(`| SQLite | better-sqlite3 ${m.sqlite.betterSqlite3}; Emmett's node-sqlite3 build: see section 1 |`);
  out.push(`| load average (1/5/15 min) | ${m.loadAtStart.join(' / ')} at start, ${m.loadAtEnd.join(' / ')} at the end |`);
  out.push(`| run | ${r.config.quick ? 'quick (development) run' : 'full run'}, ${(r.totalMs / 1000).toFixed(0)} s, sections ${r.config.sections.join(', ')}, seed ${r.config.seed} |`);
  out.push('');
  out.push('## How to read the tables');
  out.push('');
  out.push(
    [
      'Every figure is measured in the same run as its reference, on the same machine, **interleaved**: round 1 runs A then B (then C...), round 2 runs them in the reverse order, and so on, after a warm-up round that is dropped; so a drift of the machine (another process, a warming cache) lands on both.',
      'A cell shows the median over the rounds and, in small print, the smallest and largest round. The ratio is taken **within each round** (ours / reference of the same round) and then summarized the same way; for rates (events/s, req/s) above 1 means we are faster, for latencies (ms) below 1 does.',
      'Targets are judged on the median ratio (or the median figure for absolute targets).',
    ].join(' '),
  );
  out.push('');

  const targets = r.sections.flatMap((s) => s.comparisons.filter((c) => c.target).map((c) => ({ s, c })));
  if (targets.length > 0) {
    out.push('## Targets');
    out.push('');
    out.push('| section | measure | against | figure | target | |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const { s, c } of targets) {
      const figure = c.reference ? ratioCell(c.ratio) : `${num(c.ours.spread.median, c.unit)} ${c.unit}`;
      out.push(`| ${s.title} | ${c.metric} | ${c.reference?.label ?? '–'} | ${figure} | ${c.target!.text} | ${met(c)} |`);
    }
    out.push('');
  }

  const found = findings(r.sections);
  if (found.length > 0) {
    out.push('## Where the time goes');
    out.push('');
    out.push('Read from the profiles at the end of this report (shares are of sampled self time in this run).');
    out.push('');
    for (const f of found) {
      out.push(`- ${f}`);
      out.push('');
    }
    out.push('Changed in the platform by this work:');
    out.push('');
    for (const c of PLATFORM_CHANGES) out.push(`- ${c}`);
    out.push('');
  }

  for (const s of r.sections) {
    out.push(`## ${s.title}`);
    out.push('');
    if (s.pending) {
      out.push(`> ${s.pending}`);
      out.push('');
      continue;
    }
    for (const line of s.setup) out.push(`- ${line}`);
    out.push('');
    out.push(table(s.comparisons));
    out.push('');
    for (const n of s.notes) out.push(`- ${n}`);
    if (s.notes.length > 0) out.push('');
    out.push(`<sub>section time ${(s.durationMs / 1000).toFixed(0)} s</sub>`);
    out.push('');
  }

  out.push(...renderScaling(r.scaling ?? []));

  const profiles = r.sections.flatMap((s) => s.profiles.map((p) => ({ s, p })));
  if (profiles.length > 0) {
    out.push('## Profiles: where the time goes');
    out.push('');
    out.push(
      'V8\'s sampling CPU profiler (through `node:inspector`, 0.5 ms interval) over one extra, untimed run of the measured work; self time per function, heaviest first, and per area (a package, one of our libs, node internals, GC; "idle" is the thread waiting — for I/O, fsync in a worker, or the next request).',
    );
    out.push('');
    for (const { p } of profiles) {
      out.push(profileBlock(p));
      out.push('');
    }
  }
  return out.join('\n');
}
