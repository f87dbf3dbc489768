import type { Comparison, SectionResult } from '../support/model';
import type { ProfileEntry, ProfileSummary } from '../support/profile';

/**
 * How the findings read a report: a section measured in it, its rows, their ratios and medians,
 * and the shares of its profiles.
 */

/** The section of that key if this report measured it (not one left pending). */
export type SectionLookup = (key: string) => SectionResult | undefined;
export const sectionOf = (sections: readonly SectionResult[], key: string): SectionResult | undefined => sections.find((s) => s.key === key && !s.pending);

/** The comparison of that metric, against that reference where named. */
export const row = (s: SectionResult | undefined, metric: string, ref?: string): Comparison | undefined =>
  s?.comparisons.find((c) => c.metric === metric && (ref === undefined || c.reference?.label === ref));
export const ratio = (c: Comparison | undefined) => (c?.ratio && Number.isFinite(c.ratio.median) ? `${c.ratio.median.toFixed(2)}×` : '?');
export const median = (c: Comparison | undefined, digits = 0) => (c ? c.ours.spread.median.toLocaleString('en-US', { maximumFractionDigits: digits }) : '?');
export const profile = (s: SectionResult | undefined, label: string): ProfileSummary | undefined => s?.profiles.find((p) => p.label.includes(label));
/** Self-time share of the profile's top functions matching the test (name, file or caller). */
export const share = (p: ProfileSummary | undefined, test: (e: ProfileEntry) => boolean): string => {
  if (!p) return '?%';
  const pct = p.top.filter(test).reduce((n, e) => n + e.selfPct, 0);
  return pct < 1 ? '<1%' : `${Math.round(pct)}%`;
};
export const areaShare = (p: ProfileSummary | undefined, area: string) => (p ? `${Math.round(p.areas.find((a) => a.area === area)?.selfPct ?? 0)}%` : '?%');
export const calledFrom = (text: string) => (e: ProfileEntry) => (e.calledFrom ?? '').includes(text);
export const at = (text: string) => (e: ProfileEntry) => e.where.includes(text);
export const met = (c: Comparison | undefined) => (c?.target?.met ? 'met' : c?.target?.met === false ? 'not met' : 'n/a');
