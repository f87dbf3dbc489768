import { SearchKind } from './search.documents';

/** A matching entry, as the index knows it: enough to filter by scope before reading any document. */
export interface SearchMatch {
  readonly id: string;
  readonly unitIds: readonly string[];
}

/**
 * Full-text matching over the search entries. The embedded store answers with SQLite FTS5
 * (trigram); other stores scan the collection (a MongoDB text index or n-gram field is later work).
 */
export interface SearchIndex {
  /** Every entry containing all the terms, best first. */
  matches(terms: readonly string[], kind: SearchKind | null): Promise<SearchMatch[]>;
}
