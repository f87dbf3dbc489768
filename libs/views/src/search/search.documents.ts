export const SEARCH_ENTRIES = 'search_entries';

export const SEARCH_KINDS = ['problem', 'unit', 'notice'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One searchable thing: a problem (its category as title; description, measures and progress notes
 * as text), a unit (its name) or a notice (its title). `unitIds` are the units whose scope may see it.
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
  readonly description: string;
  readonly measures: readonly string[];
  readonly notes: readonly string[];
}

export const entryId = (kind: SearchKind, refId: string) => `${kind}:${refId}`;
