import { RankKey } from '@platform/domain';
import { Calendar } from './calendar';
import { DemoOp } from './operations';

const ORDINALS = ['一', '二', '三', '四'];

/**
 * Seed 004: the campaign office "先后组织了4次调研督查，分别下发了专门督查通报". One notice past
 * the middle of each of the main campaign's three phases (days from its launch, as planned in
 * scenario.ts), and one after its planned end; each ranks the units by what that stage was about.
 */
const INSPECTIONS: readonly { day: number; rankBy: RankKey; focus: string }[] = [
  { day: 18, rankBy: 'stepCompletion', focus: '学习动员阶段规定环节完成情况' },
  { day: 48, rankBy: 'participationRate', focus: '分析评议阶段党员参学情况' },
  { day: 86, rankBy: 'completionRate', focus: '整改提高阶段问题整改情况' },
  { day: 110, rankBy: 'satisfactionRate', focus: '群众满意度测评情况' },
];

export interface PlannedNotice {
  readonly at: number;
  readonly op: Extract<DemoOp, { type: 'PublishNotice' }>;
}

/** The four 督查通报 of the campaign launched on `launchDay`, published at 16:00 on their days. */
export function planNotices(cal: Calendar, campaignId: string, launchDay: number): PlannedNotice[] {
  return INSPECTIONS.map((inspection, i) => {
    const at = cal.at(launchDay + inspection.day, 16, 0);
    return {
      at,
      op: {
        type: 'PublishNotice',
        campaignId,
        body: {
          noticeId: `${campaignId}-inspection-${i + 1}`,
          title: `第${ORDINALS[i]}次调研督查通报：${inspection.focus}`,
          noticeDate: cal.date(at),
          rankBy: inspection.rankBy,
        },
      },
    };
  });
}
