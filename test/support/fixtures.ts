/** The advanced-education template's three phases, planned over the first four months of 2026. */
export const EDUCATION_PHASES = [
  { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
  { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
  { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
];

