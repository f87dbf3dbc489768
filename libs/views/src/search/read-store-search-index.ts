import { ReadStore } from '@platform/read-models';
import { unitClause } from '../shared/view-scope';
import { bodyText, SEARCH_ENTRIES, SearchEntry } from './search.documents';
import { SearchIndex, SearchQuery } from './search-index.port';
import { containsAll } from './search-terms';

/**
 * Any other read store: one that indexes text (MongoDB's n-gram field) answers through
 * `findText`, scope and kind in the same query; one that does not (in-memory) is scanned.
 */
export class ReadStoreSearchIndex implements SearchIndex {
  constructor(private readonly store: ReadStore) {}

  async matches(q: SearchQuery): Promise<string[]> {
    if (!q.terms.length || q.limit <= 0) return [];
    const filter = { ...(q.kind ? { kind: q.kind } : {}), ...unitClause('unitIds', q.units) };
    if (this.store.findText) {
      const docs = await this.store.findText<SearchEntry>(SEARCH_ENTRIES, { terms: q.terms, filter, limit: q.limit });
      return docs.map((d) => d._id);
    }
    const entries = await this.store.find<SearchEntry>(SEARCH_ENTRIES, filter);
    return entries
      .filter((e) => containsAll(`${e.title}\n${bodyText(e)}`, q.terms))
      .slice(0, q.limit)
      .map((e) => e._id);
  }
}
