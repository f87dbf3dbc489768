import { shortRuns } from './search-terms';

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
  /** The distinct 1–2 character runs of the title and the parts below (shortRuns; a set, in the order met): the embedded store's index of short words. */
  readonly runs: string;
  readonly description: string;
  readonly measures: readonly string[];
  readonly notes: readonly string[];
  /** 督查: what a supervision group found and what it demanded. */
  readonly supervision: readonly string[];
  /** 批示: the texts of leaders' instructions written on it. */
  readonly instructions: readonly string[];
}

/** What is searched: the title and every part of the body (a list's items each apart, as a term never spans two of them). */
export const SEARCH_TEXT_FIELDS = ['title', 'description', 'measures', 'notes', 'supervision', 'instructions'] as const;

/** An entry's body: the parts after its title. */
export type SearchBody = Pick<SearchEntry, 'description' | 'measures' | 'notes' | 'supervision' | 'instructions'>;

/** The parts of an entry's body that say something, in order. */
export const bodyParts = (e: SearchBody): string[] => [e.description, ...e.measures, ...e.notes, ...e.supervision, ...e.instructions].filter(Boolean);

/** The body as one text, its parts on lines of their own: what a search hit's snippet is cut from. */
export const bodyText = (e: SearchBody): string => bodyParts(e).join('\n');

/** The entry with its short runs made from its title and every part of its body. */
export const withRuns = (e: Omit<SearchEntry, 'runs'>): SearchEntry => ({ ...e, runs: shortRuns(e.title, ...bodyParts(e)) });

export const entryId = (kind: SearchKind, refId: string) => `${kind}:${refId}`;
