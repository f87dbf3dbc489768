import { Calendar, DAY } from './calendar';
import { Rng } from './random';

/** Share of problems still being worked on that a supervision group looks at (督查). */
export const SUPERVISED_SHARE = 0.25;

const FINDINGS = [
  '整改措施未落实到人，台账记录不完整',
  '整改进度滞后于方案要求，群众反映仍较多',
  '整改方案公示不及时，部分党员不知情',
  '整改措施针对性不强，存在以会议落实会议的情况',
  '佐证材料不齐全，整改成效难以核实',
];

const DEMANDS = [
  '明确责任领导和经办人，补齐整改台账并报督导组',
  '倒排工期，每周报送一次整改进展',
  '在村务公开栏公示整改方案和进度',
  '细化整改措施，逐项明确完成时限',
  '补充整改前后对比材料，按时申请验收',
];

export interface SupervisionNoteRequest {
  readonly at: number;
  readonly body: { finding: string; demand: string; dueBy: string };
}

/**
 * 对正在进行整改的问题要加强督查: for a share of problems still being worked on, one note a few
 * working days after the unit's last step, due one to three weeks later. Drawn from its own
 * random stream, so the rest of the city is the same with or without it.
 */
export function supervisionNoteFor(rng: Rng, cal: Calendar, after: number): SupervisionNoteRequest | null {
  if (!rng.chance(SUPERVISED_SHARE)) return null;
  let at = cal.workTime(after + rng.float(1, 10) * DAY, rng);
  if (at <= after) at = cal.shortlyAfter(after, rng, 10, 120);
  const dueBy = cal.dateOfDay(cal.dayOf(at) + rng.int(7, 21));
  return { at, body: { finding: rng.pick(FINDINGS), demand: rng.pick(DEMANDS), dueBy } };
}
