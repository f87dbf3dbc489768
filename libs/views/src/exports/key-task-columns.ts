import { ScheduleRollup, ScheduleRow } from '../key-task-schedule/schedule-view';
import { ExportColumn, percent } from './export-format';

/** 调度情况, one row per unit in rank order. */
export const SCHEDULE_COLUMNS: readonly ExportColumn<ScheduleRow>[] = [
  { header: '排名', width: 6, value: (r) => r.rank },
  { header: '组织编码', value: (r) => r.unitId },
  { header: '组织名称', width: 24, value: (r) => r.name },
  { header: '责任人', value: (r) => r.responsible },
  { header: '状态', value: (r) => r.statusName },
  { header: '目标值', value: (r) => r.target },
  { header: '完成数', value: (r) => r.value },
  { header: '完成比例(%)', value: (r) => percent(r.share) },
  { header: '进展情况', width: 40, value: (r) => (r.report && !r.report.returned ? r.report.narrative : null) },
  { header: '佐证材料', value: (r) => (r.report ? r.report.evidence.join('; ') : null) },
  { header: '点评意见', width: 30, value: (r) => (r.report ? r.report.comments.join('; ') : null) },
  { header: '退回原因', value: (r) => r.report?.returned?.reason ?? null },
];

/** 汇总: the roll-ups, sums of their units' parts, ranked within their level. */
export const SCHEDULE_ROLLUP_COLUMNS: readonly ExportColumn<ScheduleRollup>[] = [
  { header: '层级', value: (r) => r.levelName },
  { header: '层级内排名', value: (r) => r.rank },
  { header: '组织编码', value: (r) => r.unitId },
  { header: '组织名称', width: 24, value: (r) => r.name },
  { header: '承担单位数', value: (r) => r.parts },
  { header: '已完成', value: (r) => r.counts.done },
  { header: '按进度推进', value: (r) => r.counts.on_track },
  { header: '滞后', value: (r) => r.counts.behind },
  { header: '未报送', value: (r) => r.counts.not_reported },
  { header: '完成及按进度比例(%)', value: (r) => percent(r.onTrackShare) },
];
