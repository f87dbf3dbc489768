/**
 * The city section's search rows: GET /api/search on the demo city with a mix of what offices type —
 * part of a unit's name, a word of a problem, of a supervision note or instruction, of a notice's
 * title; 1–2 character words among them — for the whole city and for one county (`root`) as
 * separate kinds, against GET /health in the same rounds. The words are the generated city's own.
 */
const WORDS = ['三中', '林业局', '第一小学', '万林村', '敬老院', '审批时限', '作风建设', '台账', '多头跑', '佐证材料', '逐条整改', '调研督查通报', '满意度测评', '村'];

type Kinds = Record<string, (i: number) => string>;
type LatencyRow<R> = (kind: string, label: string, limit: number | null, health?: string) => R[];

const path = (i: number, root: string | null) => {
  const params = new URLSearchParams({ q: WORDS[i % WORDS.length], page: String(1 + (i % 3)) });
  // Every fourth narrowed to problems, the kind most searched.
  if (i % 4 === 3) params.set('kind', 'problem');
  if (root) params.set('root', root);
  return `/api/search?${params.toString()}`;
};

export const citySearch = {
  kinds: (counties: readonly string[]): Kinds => ({
    searchCity: (i) => path(i, null),
    searchCounty: (i) => path(i, counties[(i * 7) % counties.length]),
  }),
  phase: { name: 'search', kinds: ['searchCity', 'searchCounty', 'healthSearch'], health: 'healthSearch' },
  rows: <R>(latencyRow: LatencyRow<R>): R[] => [
    ...latencyRow('searchCity', 'search (unit name parts, problem, note and notice words), whole city', 100, 'healthSearch'),
    ...latencyRow('searchCounty', 'search (the same words), one county', 100, 'healthSearch'),
  ],
  setup: `Full-text search: GET /api/search as the administrator, the whole city and one county (root) as separate kinds, ${WORDS.length} words in turn (${WORDS.join('、')}: parts of unit names, words of problems, supervision notes, instructions and notice titles, 1–2 character words among them), pages 1–3, every fourth narrowed to problems, against GET /health in the same rounds.`,
};
