export const SATISFACTION_GRADES = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionGrade = (typeof SATISFACTION_GRADES)[number];

export const SATISFACTION_GRADE_NAMES: Record<SatisfactionGrade, string> = {
  satisfied: '满意',
  fairly_satisfied: '比较满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** The grades that count in favour; every other ballot counts against. */
export const SATISFIED_GRADES: readonly SatisfactionGrade[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied'];

export type GradeCounts = Readonly<Record<SatisfactionGrade, number>>;

export const emptyCounts = (): GradeCounts => ({ satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0 });

export function addCounts(a: GradeCounts, b: GradeCounts): GradeCounts {
  return {
    satisfied: a.satisfied + b.satisfied,
    fairly_satisfied: a.fairly_satisfied + b.fairly_satisfied,
    basically_satisfied: a.basically_satisfied + b.basically_satisfied,
    dissatisfied: a.dissatisfied + b.dissatisfied,
  };
}

export function totalBallots(counts: GradeCounts): number {
  return SATISFACTION_GRADES.reduce((n, g) => n + counts[g], 0);
}

/** (满意 + 比较满意 + 基本满意) / all ballots; null when nobody has voted, rather than a made-up 0 or 1. */
export function satisfactionRate(counts: GradeCounts): number | null {
  const total = totalBallots(counts);
  if (total === 0) return null;
  return SATISFIED_GRADES.reduce((n, g) => n + counts[g], 0) / total;
}
