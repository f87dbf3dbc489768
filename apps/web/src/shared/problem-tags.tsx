import type { Handling, TrackedProblem } from '../api/view-types';
import { CellTag } from './cell-tag';
import { WARNING_COLOR } from './format';

/** The five kinds of handling of seed 004 part 三.1, each with the colour the tracker uses for it. */
export const HANDLINGS: readonly { key: Handling; zh: string; en: string; color: string }[] = [
  { key: 'being_rectified', zh: '正在整改', en: 'Being rectified', color: 'blue' },
  { key: 'by_deadline', zh: '限期整改', en: 'By deadline', color: 'orange' },
  { key: 'deferred', zh: '暂缓（说明情况）', en: 'Deferred', color: 'purple' },
  { key: 'joint', zh: '联动整改', en: 'Joint handling', color: 'cyan' },
  { key: 'solved', zh: '已解决或基本解决', en: 'Solved', color: 'green' },
];

export function HandlingTag({ p }: { p: Pick<TrackedProblem, 'handling' | 'handlingName'> }) {
  const h = HANDLINGS.find((x) => x.key === p.handling);
  return <CellTag color={h?.color}>{h?.zh ?? p.handlingName}</CellTag>;
}

/** 督查中: shown beside the kind while a supervision note stands on the problem. */
export function SupervisionTag({ p }: { p: Pick<TrackedProblem, 'underSupervision' | 'supervision'> }) {
  if (!p.underSupervision) return null;
  const last = p.supervision?.last;
  return (
    <CellTag color="magenta" title={last ? `${last.demand}（${last.dueBy} 前）` : undefined} testId="supervision-tag">
      督查中
    </CellTag>
  );
}

export function WarningTag({ p }: { p: Pick<TrackedProblem, 'warningLevel' | 'warningLevelName' | 'daysLeft' | 'overdue'> }) {
  if (p.warningLevel === 'none') return null;
  // A problem without a deadline of its own is overdue through a joint part: say so without a day count.
  const text = p.daysLeft === null ? (p.overdue ? '超期' : p.warningLevelName) : p.overdue ? `超期 ${Math.abs(p.daysLeft)} 天` : `剩 ${p.daysLeft} 天`;
  return (
    <CellTag color={WARNING_COLOR[p.warningLevel]} title={p.warningLevelName}>
      {text}
    </CellTag>
  );
}
