import { Inject, Injectable } from '@nestjs/common';
import { ActorScope } from '@platform/common';
import { READ_STORE, ReadStore, SqliteReadStore } from '@platform/read-models';
import { ViewMoment } from '../shared/view-moment';
import { unitFilter } from '../shared/view-scope';
import { SEARCH_ENTRIES, SearchEntry, SearchKind } from './search.documents';
import { SearchIndex } from './search-index.port';
import { ReadStoreSearchIndex } from './read-store-search-index';
import { SqliteSearchIndex } from './sqlite-search-index';
import { highlight, HighlightSegment, searchTerms } from './search-terms';

export interface SearchRequest {
  readonly q: string;
  readonly kind: SearchKind | null;
  readonly page: number;
  readonly pageSize: number;
}

export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: string;
  readonly campaignId: string | null;
  readonly title: string;
  /** The title with the matches marked. */
  readonly titleHighlight: HighlightSegment[];
  /** Where the body matched, cut to a short window; null when only the title did. */
  readonly snippet: HighlightSegment[] | null;
}

/** Matches in the index, then the actor's scope, then the page: only the page's documents are read. */
@Injectable()
export class SearchReader {
  private index: SearchIndex | null = null;

  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async search(moment: ViewMoment, scope: ActorScope, r: SearchRequest): Promise<{ total: number; items: SearchHit[] }> {
    const terms = searchTerms(r.q);
    const units = unitFilter(moment.tree, scope, null);
    const matches = (await this.searchIndex().matches(terms, r.kind)).filter((m) => units.ids === null || m.unitIds.some((u) => units.visible(u)));
    const page = matches.slice((r.page - 1) * r.pageSize, r.page * r.pageSize);
    const docs = await Promise.all(page.map((m) => this.store.get<SearchEntry>(SEARCH_ENTRIES, m.id)));
    const items = docs
      .filter((d): d is SearchEntry => d !== null)
      .map((d) => ({
        kind: d.kind,
        id: d.refId,
        campaignId: d.campaignId,
        title: d.title,
        titleHighlight: highlight(d.title, terms, Math.max(d.title.length, 1)) ?? [{ text: d.title, match: false }],
        snippet: highlight(d.text, terms),
      }));
    return { total: matches.length, items };
  }

  private searchIndex(): SearchIndex {
    this.index ??= this.store instanceof SqliteReadStore ? new SqliteSearchIndex(this.store.db) : new ReadStoreSearchIndex(this.store);
    return this.index;
  }
}
