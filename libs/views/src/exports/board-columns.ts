import { BoardRollup, BoardRow } from '../progress-board/board-view';
import { ExportColumn, percent } from './export-format';

/** 进度看板, one row per unit in rank order. */
export const BOARD_COLUMNS: readonly ExportColumn<BoardRow>[] = [
  { header: '排名', width: 6, value: (r) => r.rank },
  { header: '组织编码', value: (r) => r.unitId },
  { header: '组织名称', width: 24, value: (r) => r.name },
  { header: '组织类型', value: (r) => r.unitTypeName },
  { header: '当前阶段', value: (r) => r.phase?.name ?? null },
  { header: '进展状态', value: (r) => r.stageName },
  { header: '必做步骤已完成', value: (r) => r.counts.steps.requiredDone },
  { header: '必做步骤总数', value: (r) => r.counts.steps.requiredTotal },
  { header: '步骤完成率(%)', value: (r) => percent(r.metrics.stepCompletion) },
  { header: '转段状态', value: (r) => r.transition.statusName },
  { header: '应参学人数', value: (r) => r.counts.participation.shouldAttend },
  { header: '实参学人数', value: (r) => r.counts.participation.attended },
  { header: '请假人数', value: (r) => r.counts.participation.excused },
  { header: '参学率(%)', value: (r) => percent(r.metrics.participationRate) },
  { header: '问题总数', value: (r) => r.counts.problems.total },
  { header: '正在整改', value: (r) => r.problemsByHandling.being_rectified },
  { header: '限期整改', value: (r) => r.problemsByHandling.by_deadline },
  { header: '暂缓解决', value: (r) => r.problemsByHandling.deferred },
  { header: '联动整改', value: (r) => r.problemsByHandling.joint },
  { header: '已解决或基本解决', value: (r) => r.problemsByHandling.solved },
  { header: '已销号', value: (r) => r.counts.problems.closed },
  { header: '整改完成率(%)', value: (r) => percent(r.metrics.completionRate) },
  { header: '按期整改率(%)', value: (r) => percent(r.metrics.onTimeRate) },
  { header: '满意率(%)', value: (r) => percent(r.metrics.satisfactionRate) },
  { header: '满意度测评', value: (r) => r.satisfaction.standingName },
  { header: '反弹率(%)', value: (r) => percent(r.metrics.reboundRate) },
];

/** 汇总: the roll-ups, sums of their units' counts. */
export const ROLLUP_COLUMNS: readonly ExportColumn<BoardRollup>[] = [
  { header: '组织编码', value: (r) => r.unitId },
  { header: '组织名称', width: 24, value: (r) => r.name },
  { header: '层级', value: (r) => r.levelName },
  { header: '参加组织数', value: (r) => r.unitCount },
  { header: '需补课组织数', value: (r) => r.makeUpUnits },
  { header: '步骤完成率(%)', value: (r) => percent(r.metrics.stepCompletion) },
  { header: '参学率(%)', value: (r) => percent(r.metrics.participationRate) },
  { header: '问题总数', value: (r) => r.counts.problems.total },
  { header: '已销号', value: (r) => r.counts.problems.closed },
  { header: '整改完成率(%)', value: (r) => percent(r.metrics.completionRate) },
  { header: '按期整改率(%)', value: (r) => percent(r.metrics.onTimeRate) },
  { header: '满意率(%)', value: (r) => percent(r.metrics.satisfactionRate) },
  { header: '反弹率(%)', value: (r) => percent(r.metrics.reboundRate) },
];
