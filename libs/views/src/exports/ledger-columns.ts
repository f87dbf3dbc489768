import { TrackedProblem } from '../rectification-tracker/tracked-problem';
import { ExportColumn, yesNo } from './export-format';

/** 整改台账, one row per problem, in the columns the offices' paper ledgers use. */
export const LEDGER_COLUMNS: readonly ExportColumn<TrackedProblem>[] = [
  { header: '问题编号', value: (p) => p.problemId },
  { header: '责任单位编码', value: (p) => p.responsibleUnitId },
  { header: '责任单位', width: 24, value: (p) => p.responsibleUnitName },
  { header: '问题来源', value: (p) => p.sourceName },
  { header: '问题类别', value: (p) => p.category },
  { header: '问题描述', width: 40, value: (p) => p.description },
  { header: '责任领导', value: (p) => p.responsibleLeader },
  { header: '经办人', value: (p) => p.handler },
  { header: '整改措施', width: 40, value: (p) => p.measures.join('；') || null },
  { header: '时限类别', value: (p) => p.timingName },
  { header: '整改时限', value: (p) => p.deadline },
  { header: '剩余天数', value: (p) => p.daysLeft },
  { header: '预警等级', value: (p) => p.warningLevelName },
  { header: '是否超期', value: (p) => yesNo(p.overdue) },
  { header: '整改状态', value: (p) => p.statusName },
  { header: '处理方式', width: 24, value: (p) => p.handlingName },
  {
    header: '联动整改任务',
    width: 40,
    value: (p) =>
      p.joint?.parts.map((x) => `${x.unitName}：${x.description}（${x.closed ? '已完成' : `时限${x.deadline}`}）`).join('；') || null,
  },
  { header: '暂缓原因', value: (p) => p.deferral?.constraint ?? null },
  { header: '复查日期', value: (p) => p.deferral?.reReviewDate ?? null },
  { header: '整改轮次', value: (p) => p.cycle },
  { header: '登记时间', value: (p) => p.registeredAt },
  { header: '验收时间', value: (p) => p.verifiedAt },
  { header: '销号时间', value: (p) => p.closedAt },
  { header: '是否按期销号', value: (p) => yesNo(p.closedOnTime) },
];
