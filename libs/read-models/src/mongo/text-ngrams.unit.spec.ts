import { ngrams, NGRAM_FIELD, termRuns, textFilter, withNgrams } from './text-ngrams';

describe('n-grams for MongoDB text search', () => {
  it('indexes every distinct run of 1–3 characters, lower-cased, never across two fields', () => {
    expect(ngrams('三中A')).toEqual(['三', '中', 'a', '三中', '中a', '三中a']);
    const doc = withNgrams({ _id: 'x', title: '三中', text: '学校', other: '不算' }, ['title', 'text']);
    expect((doc[NGRAM_FIELD] as string[]).sort()).toEqual(['三', '三中', '中', '学', '学校', '校'].sort());
    expect(doc.title).toBe('三中');
  });

  it('asks for a long term by its 3-character runs and a short one as itself, each then as written by a regular expression', () => {
    expect(termRuns('首问负责')).toEqual(['首问负', '问负责']);
    expect(termRuns('台账')).toEqual(['台账']);
    expect(textFilter(['title', 'text'], { terms: ['首问负责', 'a.'], filter: { kind: 'problem' }, limit: 10 })).toEqual({
      $and: [
        { [NGRAM_FIELD]: { $all: ['首问负', '问负责', 'a.'] } },
        { $or: [{ title: { $regex: '首问负责', $options: 'i' } }, { text: { $regex: '首问负责', $options: 'i' } }] },
        { $or: [{ title: { $regex: 'a\\.', $options: 'i' } }, { text: { $regex: 'a\\.', $options: 'i' } }] },
        { kind: 'problem' },
      ],
    });
  });
});
