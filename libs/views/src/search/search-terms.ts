/**
 * A query's terms: split on white space, at most 8, each matched as a substring (case-insensitive
 * for Latin letters). FTS5's trigram tokenizer indexes runs of 3 characters, so a term of 3 or
 * more characters is looked up in that index; one of 1–2 characters (most Chinese words: 整改, 村,
 * a part of a unit's name: 三中) in the index of short runs (shortRuns), or, beside a longer term,
 * checked with LIKE on the rows the longer one found.
 */
export const MIN_INDEXED_LENGTH = 3;
const MAX_TERMS = 8;

export function searchTerms(q: string): string[] {
  const terms = q.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

export const isIndexed = (term: string) => [...term].length >= MIN_INDEXED_LENGTH;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;

/** A short term the index of runs can answer: letters and digits only (its tokenizer drops the rest). */
export const hasOnlyRuns = (term: string) => LETTER_OR_DIGIT.test(term);

/**
 * Every distinct character and pair of adjacent characters of the texts that are letters or
 * digits, lower-cased, space-separated: the tokens under which the embedded store finds 1–2
 * character terms. A pair never spans two texts.
 */
export function shortRuns(...texts: readonly string[]): string {
  const runs = new Set<string>();
  for (const text of texts) addRuns(runs, text);
  return [...runs].join(' ');
}

/**
 * The short runs of the texts behind `runs` (what shortRuns gave for them) with `text` added as
 * one more text (no pair spans two): the set of shortRuns(...those texts, text), at the cost of
 * the added text and one pass over `runs`. Its order is the order the runs were first met, which
 * is shortRuns' order when the text comes last; the index reads the runs as a set.
 */
export function shortRunsAppended(runs: string, text: string): string {
  const added = new Set<string>();
  addRuns(added, text);
  if (!added.size) return runs;
  if (runs) dropPresent(added, runs);
  if (!added.size) return runs;
  const more = [...added].join(' ');
  return runs ? `${runs} ${more}` : more;
}

/** Marks, by UTF-16 unit, the first units of the runs being looked for: reset after each look. */
const firstUnits = new Uint8Array(1 << 16);

/**
 * Removes from `added` the runs `runs` already holds. Splitting a problem's runs (thousands of
 * them) into a Set at each note was a tenth of the projector's time under a stream of notes;
 * this reads them in place and cuts out only those that start like one of the note's runs.
 */
function dropPresent(added: Set<string>, runs: string): void {
  const wanted = [...added];
  for (const run of wanted) firstUnits[run.charCodeAt(0)] = 1;
  for (let start = 0; start < runs.length && added.size; ) {
    const space = runs.indexOf(' ', start);
    const end = space < 0 ? runs.length : space;
    if (firstUnits[runs.charCodeAt(start)] === 1) added.delete(runs.slice(start, end));
    start = end + 1;
  }
  for (const run of wanted) firstUnits[run.charCodeAt(0)] = 0;
}

/**
 * Adds the text's runs in the order shortRuns lists them: each character, then the pair it starts
 * (the same sequence as each pair ending at a character, then the character).
 */
function addRuns(runs: Set<string>, text: string): void {
  let previous: string | null = null;
  for (const c of text.toLowerCase()) {
    if (!isRunCharacter(c)) {
      previous = null;
      continue;
    }
    if (previous !== null) runs.add(previous + c);
    runs.add(c);
    previous = c;
  }
}

/** Whether a character is a letter or digit, remembered per character: the Unicode test was most of the cost of a long text's runs. */
const runCharacters = new Map<string, boolean>();
const RUN_CHARACTERS_KEPT = 1 << 16;
function isRunCharacter(c: string): boolean {
  let known = runCharacters.get(c);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(c);
    if (runCharacters.size < RUN_CHARACTERS_KEPT) runCharacters.set(c, known);
  }
  return known;
}

export function containsAll(text: string, terms: readonly string[]): boolean {
  const t = text.toLowerCase();
  return terms.every((term) => t.includes(term.toLowerCase()));
}

/** A piece of text, `match` where a term was found: safe to render as plain text. */
export interface HighlightSegment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * The text cut to a window around its first match (with … where cut), split into matched and
 * unmatched segments; null when no term occurs in it.
 */
export function highlight(text: string, terms: readonly string[], window = 60): HighlightSegment[] | null {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const t = term.toLowerCase();
    for (let i = lower.indexOf(t); i >= 0 && t.length > 0; i = lower.indexOf(t, i + t.length)) ranges.push([i, i + t.length]);
  }
  if (!ranges.length) return null;
  ranges.sort((a, b) => a[0] - b[0]);
  const from = Math.max(0, ranges[0][0] - Math.floor(window / 3));
  const to = Math.min(text.length, from + window);
  const segments: HighlightSegment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) segments[segments.length - 1] = { text: last.text + s, match };
    else segments.push({ text: s, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at || start >= to) continue;
    push(text.slice(at, Math.max(at, start)), false);
    push(text.slice(Math.max(at, start), Math.min(end, to)), true);
    at = Math.min(end, to);
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return segments;
}
