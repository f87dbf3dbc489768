export const SEARCH_ENTRIES = 'search_entries';

export const SEARCH_KINDS = ['problem', 'unit', 'notice'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable thing: a problem (its category as title; description, measures, progress notes,
 * supervision notes and leaders' instructions as text), a unit (its name; instructions on it as
 * text) or a notice (its title; instructions on it as text). `unitIds` are the units whose scope
 * may see it: a note or an instruction is found through the thing it was written on, by that
 * thing's scope.
 */
export interface SearchEntry {
  readonly _id: string;
  readonly kind: SearchKind;
  readonly refId: string;
  readonly campaignId: string | null;
  readonly unitIds: readonly string[];
  readonly title: string;
  /** The searched body, the parts below joined by line breaks. */
  readonly text: string;
  /** The 1–2 character runs of title and text (shortRuns): the embedded store's index of short words. */
  readonly runs: string;
  readonly description: string;
  readonly measures: readonly string[];
  readonly notes: readonly string[];
  /** 督查: what a supervision group found and what it demanded. */
  readonly supervision: readonly string[];
  /** 批示: the texts of leaders' instructions written on it. */
  readonly instructions: readonly string[];
}

/** What MongoDB and a scan search: the title and the body (by n-grams in MongoDB; the embedded FTS5 index reads the parts the body joins). */
export const SEARCH_TEXT_FIELDS = ['title', 'text'] as const;

export const entryId = (kind: SearchKind, refId: string) => `${kind}:${refId}`;
