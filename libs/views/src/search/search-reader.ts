import { Inject, Injectable } from '@nestjs/common';
import { ActorScope } from '@platform/common';
import { READ_STORE, ReadStore, SqliteReadStore } from '@platform/read-models';
import { ViewMoment } from '../shared/view-moment';
import { unitFilter } from '../shared/view-scope';
import { bodyText, SEARCH_ENTRIES, SearchEntry, SearchKind } from './search.documents';
import { SearchIndex } from './search-index.port';
import { ReadStoreSearchIndex } from './read-store-search-index';
import { SqliteSearchIndex } from './sqlite-search-index';
import { highlight, HighlightSegment, searchTerms } from './search-terms';

export interface SearchRequest {
  readonly q: string;
  readonly kind: SearchKind | null;
  /** Only this unit's subtree (404 outside the scope); null: the whole scope. */
  readonly root: string | null;
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

/** Matches are counted exactly up to this many (or up to the requested page's end when further). */
export const SEARCH_EXACT_TOTAL_UP_TO = 1000;

export interface SearchPage {
  /** Matches in view, exact up to `totalMoreThan`: when more match, it is that bound. */
  readonly total: number;
  readonly totalMoreThan: number | null;
  readonly items: SearchHit[];
}

/**
 * The index finds the matches in the reader's view, best first, up to the count's bound; only the
 * page's documents are read, for their titles and highlights.
 */
@Injectable()
export class SearchReader {
  private index: SearchIndex | null = null;

  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async search(moment: ViewMoment, scope: ActorScope, r: SearchRequest): Promise<SearchPage> {
    const terms = searchTerms(r.q);
    const units = unitFilter(moment.tree, scope, r.root);
    const upTo = Math.max(SEARCH_EXACT_TOTAL_UP_TO, r.page * r.pageSize);
    const ids = await this.searchIndex().matches({ terms, kind: r.kind, units, limit: upTo + 1 });
    const more = ids.length > upTo;
    const docs = await Promise.all(ids.slice((r.page - 1) * r.pageSize, r.page * r.pageSize).map((id) => this.store.get<SearchEntry>(SEARCH_ENTRIES, id)));
    const items = docs
      .filter((d): d is SearchEntry => d !== null)
      .map((d) => ({
        kind: d.kind,
        id: d.refId,
        campaignId: d.campaignId,
        title: d.title,
        titleHighlight: highlight(d.title, terms, Math.max(d.title.length, 1)) ?? [{ text: d.title, match: false }],
        snippet: highlight(bodyText(d), terms),
      }));
    return { total: more ? upTo : ids.length, totalMoreThan: more ? upTo : null, items };
  }

  /**
   * Makes the index ready before the first search: on the embedded store, installing it indexes
   * every entry already stored (about 5 s at twice the demo city), which a start pays once per
   * store instead of the first user to search.
   */
  prepare(): void {
    this.searchIndex();
  }

  private searchIndex(): SearchIndex {
    this.index ??= this.store instanceof SqliteReadStore ? new SqliteSearchIndex(this.store.db) : new ReadStoreSearchIndex(this.store);
    return this.index;
  }
}
