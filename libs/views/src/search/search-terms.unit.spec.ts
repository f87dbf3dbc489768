import { containsAll, hasOnlyRuns, highlight, isIndexed, searchTerms, shortRuns, shortRunsAppended } from './search-terms';

describe('search terms and highlights', () => {
  it('splits on white space (full-width too), drops repeats, and tells indexed terms from short ones', () => {
    expect(searchTerms('  窗口　党费 窗口 ')).toEqual(['窗口', '党费']);
    expect(['村', '整改', '首问负责', 'abc'].map(isIndexed)).toEqual([false, false, true, true]);
  });

  it('needs every term', () => {
    expect(containsAll('服务窗口无人值守，党费收缴不及时', ['窗口', '党费'])).toBe(true);
    expect(containsAll('服务窗口无人值守', ['窗口', '党费'])).toBe(false);
    expect(containsAll('WPS Office', ['office'])).toBe(true);
  });

  it('marks every occurrence inside a window around the first, with … where the text is cut', () => {
    const text = `${'前'.repeat(40)}首问负责制已建立，首问负责落实到人${'后'.repeat(40)}`;
    const segments = highlight(text, ['首问负责'], 40)!;
    expect(segments[0]).toEqual({ text: `…${'前'.repeat(13)}`, match: false });
    expect(segments.at(-1)?.text.endsWith('…')).toBe(true);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['首问负责', '首问负责']);
    expect(segments.map((s) => s.text).join('')).toContain('首问负责制已建立');
  });

  it('merges overlapping matches and answers null when nothing matches', () => {
    expect(highlight('abcd', ['abc', 'bcd'])).toEqual([{ text: 'abcd', match: true }]);
    expect(highlight('整改台账', ['督查'])).toBeNull();
  });

  it('keeps every character and pair of letters or digits once, lower-cased, pairs never across punctuation or texts', () => {
    expect(shortRuns('三中', 'A1，三中')).toBe('三 三中 中 a a1 1');
    expect(shortRuns('', '% _')).toBe('');
    expect(['三中', '村', 'a1', '1%', '，'].map(hasOnlyRuns)).toEqual([true, true, true, false, false]);
  });

  it('grows the runs of a text by a piece added behind a line break exactly as the runs of the whole text', () => {
    const pieces = ['窗口推诿', '首问负责制已建立', 'Abc 12，三中', '', '%', 'ΟΔΟΣ', 'σς Σ1', '已公示\n已排查', '三中三中', 'x'];
    let text = '';
    let runs = shortRuns('作风建设', text);
    for (const piece of pieces) {
      text = text && piece ? `${text}\n${piece}` : text || piece;
      runs = shortRunsAppended(runs, piece);
      expect(runs).toBe(shortRuns('作风建设', text));
    }
    expect(shortRunsAppended('', '村村')).toBe('村 村村');
  });

  it('grows long runs by many pieces as the runs of the whole text, and returns the same runs when a piece adds none', () => {
    // Letters that start runs of one and of two characters, a letter outside the BMP, digits and punctuation.
    const alphabet = ['整', '改', '三', '中', '𠀀', 'A', '1', '2', '，', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % alphabet.length;
    const pieces = Array.from({ length: 300 }, () => Array.from({ length: 1 + (next() % 9) }, () => alphabet[next()]).join(''));
    let runs = shortRuns('作风');
    for (const [i, piece] of pieces.entries()) {
      const before = runs;
      runs = shortRunsAppended(runs, piece);
      expect(new Set(runs.split(' ').filter(Boolean))).toEqual(new Set(shortRuns('作风', ...pieces.slice(0, i + 1)).split(' ').filter(Boolean)));
      if (runs.length === before.length) expect(runs).toBe(before);
    }
    expect(shortRunsAppended(runs, '整改三中')).toBe(runs);
  });
});
