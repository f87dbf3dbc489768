import { SearchKind } from './search.documents';

/** What to look for: every term as a substring, of one kind or any, among entries some visible unit may see. */
export interface SearchQuery {
  readonly terms: readonly string[];
  readonly kind: SearchKind | null;
  /** The units of the reader's view, or null when nothing is filtered (an administrator's whole view). */
  readonly units: { readonly ids: readonly string[] | null; visible(unitId: string): boolean };
  /** Matches to return at most, best first: the requested page's end and the count's bound. */
  readonly limit: number;
}

/**
 * Full-text matching over the search entries, scope applied where the matches are found so that a
 * bounded answer is never cut before the reader's own hits. The embedded store answers with SQLite
 * FTS5 (trigram), MongoDB with its n-gram field (ReadStore.findText), other stores by scanning.
 */
export interface SearchIndex {
  /** Ids of the entries in view containing all the terms, best first, at most `limit`. */
  matches(query: SearchQuery): Promise<string[]>;
}
