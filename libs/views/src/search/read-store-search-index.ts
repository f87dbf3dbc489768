import { ReadStore } from '@platform/read-models';
import { SEARCH_ENTRIES, SearchEntry, SearchKind } from './search.documents';
import { SearchIndex, SearchMatch } from './search-index.port';
import { containsAll } from './search-terms';

/**
 * Any read store (in-memory, MongoDB): reads every entry of the kind and matches in memory. Correct
 * but linear; a MongoDB text index or an n-gram field behind SearchIndex is left for later.
 */
export class ReadStoreSearchIndex implements SearchIndex {
  constructor(private readonly store: ReadStore) {}

  async matches(terms: readonly string[], kind: SearchKind | null): Promise<SearchMatch[]> {
    if (!terms.length) return [];
    const entries = await this.store.find<SearchEntry>(SEARCH_ENTRIES, kind ? { kind } : {});
    return entries.filter((e) => containsAll(`${e.title}\n${e.text}`, terms)).map((e) => ({ id: e._id, unitIds: e.unitIds }));
  }
}
