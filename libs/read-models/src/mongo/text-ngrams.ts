import type { AnyDocument, Filter, TextQuery } from '../read-store.port';

/**
 * Text search in MongoDB without a word segmenter: its text index splits words on spaces and
 * punctuation, which leaves a Chinese sentence one "word". Instead every declared text field is cut
 * into its distinct runs of 1, 2 and 3 characters, lower-cased, kept in one array field with a
 * multikey index; a term of 3+ characters needs all of its 3-character runs ($all, served by the
 * index), one of 1–2 characters is a run itself, and a regular expression on the fields then keeps
 * the documents where the term occurs as written.
 */
export const NGRAM_FIELD = '_ngrams';
export const NGRAM_LENGTH = 3;

/** Every distinct run of 1 to NGRAM_LENGTH characters, lower-cased: what a document is indexed by. */
export function ngrams(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const out = new Set<string>();
  for (let n = 1; n <= NGRAM_LENGTH; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return [...out];
}

/** The runs a document must hold to contain the term: its 3-character runs, or the term itself when shorter. */
export function termRuns(term: string): string[] {
  const chars = [...term.toLowerCase()];
  if (chars.length < NGRAM_LENGTH) return chars.length ? [chars.join('')] : [];
  const out = new Set<string>();
  for (let i = 0; i + NGRAM_LENGTH <= chars.length; i++) out.add(chars.slice(i, i + NGRAM_LENGTH).join(''));
  return [...out];
}

/** The document with its fields' n-grams (runs never span two fields). */
export function withNgrams(doc: AnyDocument, fields: readonly string[]): AnyDocument {
  const runs = new Set<string>();
  for (const f of fields) {
    const value = doc[f];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    for (const t of texts) for (const g of ngrams(t)) runs.add(g);
  }
  return { ...doc, [NGRAM_FIELD]: [...runs] };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The MongoDB filter of a text query over these fields. */
export function textFilter(fields: readonly string[], query: TextQuery): Filter {
  const runs = [...new Set(query.terms.flatMap(termRuns))];
  const clauses: Filter[] = [];
  if (runs.length) clauses.push({ [NGRAM_FIELD]: { $all: runs } });
  for (const term of query.terms) clauses.push({ $or: fields.map((f) => ({ [f]: { $regex: escapeRegExp(term), $options: 'i' } })) });
  if (query.filter && Object.keys(query.filter).length) clauses.push(query.filter);
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}
