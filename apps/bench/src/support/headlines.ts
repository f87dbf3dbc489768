import type { Comparison, SectionResult } from './model';

/**
 * References that are shown but not judged, and why: the headline comparisons are like for like.
 * Emmett's default store opens and closes a connection per operation (its choice, not a fair
 * baseline); group commit with 64 commands in flight is judged against raw SQLite inserting 64 rows
 * per transaction, not one. The sections measure with these rules; a report merged from an earlier
 * run re-applies them to the sections it keeps, so every table is judged the same way.
 */
const NOT_JUDGED: ReadonlyArray<{ section: string; reference: RegExp; note: string }> = [
  {
    section: 'appends',
    reference: /^Emmett store$/,
    note: "not judged: Emmett's default store opens and closes a connection per operation (its choice); the like-for-like comparison is Emmett on one long-lived connection",
  },
  {
    section: 'appends',
    reference: /^raw, one row per transaction$/,
    note: 'not judged: commands in flight are judged against raw SQLite inserting as many rows per transaction, not one',
  },
  { section: 'reads', reference: /^Emmett store$/, note: "not judged: Emmett's default store opens a connection per call; the like-for-like comparison is Emmett on one connection" },
];

export function withHeadlineRules(section: SectionResult): SectionResult {
  const rules = NOT_JUDGED.filter((r) => r.section === section.key);
  if (rules.length === 0) return section;
  const rejudge = (c: Comparison): Comparison => {
    const rule = rules.find((r) => c.reference && r.reference.test(c.reference.label));
    return rule && c.target ? { ...c, target: null, note: c.note ? `${rule.note}; ${c.note}` : rule.note } : c;
  };
  return { ...section, comparisons: section.comparisons.map(rejudge) };
}
