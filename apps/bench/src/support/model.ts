import type { ProfileSummary } from './profile';
import { ratioSpread, Spread, spread } from './stats';

export interface Target {
  readonly text: string;
  /** null: not applicable, or could not be measured. */
  readonly met: boolean | null;
}

/** One table row: our figure against its reference, measured in the same interleaved rounds. */
export interface Comparison {
  readonly metric: string;
  readonly unit: string;
  readonly ours: { readonly label: string; readonly spread: Spread };
  readonly reference: { readonly label: string; readonly spread: Spread } | null;
  /** ours / reference, per round (the two ran next to each other), summarized. */
  readonly ratio: Spread | null;
  readonly target: Target | null;
  readonly note?: string;
}

export interface SectionResult {
  readonly key: string;
  readonly title: string;
  /** What was measured and how, in a few lines for the report. */
  readonly setup: string[];
  readonly comparisons: Comparison[];
  readonly notes: string[];
  readonly profiles: ProfileSummary[];
  /** Every round's raw figure, for the JSON. */
  readonly raw: Record<string, unknown>;
  readonly durationMs: number;
  /** Set when the section could not run (e.g. the city generator is missing). */
  readonly pending?: string;
}

export function compare(
  metric: string,
  unit: string,
  ours: { label: string; samples: number[] },
  reference: { label: string; samples: number[] } | null,
  target: ((ratio: Spread, ours: Spread) => Target) | null,
  note?: string,
): Comparison {
  const o = spread(ours.samples);
  const ratio = reference ? ratioSpread(ours.samples, reference.samples) : null;
  return {
    metric,
    unit,
    ours: { label: ours.label, spread: o },
    reference: reference ? { label: reference.label, spread: spread(reference.samples) } : null,
    ratio,
    target: target ? target(ratio ?? spread([]), o) : null,
    note,
  };
}

/** Target on the median of our samples (ours < limit, in the row's unit). */
export function medianUnder(limit: number, text: string) {
  return (_ratio: Spread, ours: Spread): Target => ({ text, met: Number.isFinite(ours.median) ? ours.median < limit : null });
}

/** Target on the median of the per-round ratios (ours / reference ≥ threshold). */
export function ratioAtLeast(threshold: number, text: string) {
  return (ratio: Spread): Target => ({ text, met: Number.isFinite(ratio.median) ? ratio.median >= threshold : null });
}
