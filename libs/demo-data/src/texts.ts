import { UnitType } from '@platform/domain';
import { Rng } from './random';

/** What offices write: evidence, notes, reasons. Chinese, in the register of seed 004. */

export interface ProblemText {
  readonly category: string;
  readonly description: string;
  /** Needs comprehensive handling by several departments (联动整改) when it comes to that. */
  readonly joint?: boolean;
  /** Blocked by objective conditions (资金、规划、季节): a candidate for deferral. */
  readonly heavy?: boolean;
}

const P = (category: string, description: string, flags: { joint?: boolean; heavy?: boolean } = {}): ProblemText => ({ category, description, ...flags });

const PROBLEMS: Record<UnitType, readonly ProblemText[]> = {
  rural: [
    P('服务群众', '村务财务公开不及时，群众对集体收支有疑问'),
    P('民生实事', '部分村民组饮水不安全，群众吃水难', { heavy: true, joint: true }),
    P('民生实事', '通组公路年久失修，雨天出行困难', { heavy: true, joint: true }),
    P('组织建设', '村级活动场所简陋，党员活动无固定场地', { heavy: true }),
    P('组织纪律', '少数党员组织观念淡薄，长期不参加组织生活'),
    P('民生实事', '农田水利设施老化，灌溉保障不足', { heavy: true, joint: true }),
    P('民生实事', '困难群众危房改造进度慢', { heavy: true }),
    P('民生实事', '村敬老院设施陈旧，五保老人供养条件差', { heavy: true, joint: true }),
    P('工作作风', '村干部联系群众不够，群众办事找人难'),
    P('思想认识', '村集体经济薄弱，发展思路不清'),
    P('廉洁自律', '村级招待费开支不规范'),
    P('组织建设', '流动党员管理松散，部分党员长期失去联系'),
  ],
  community: [
    P('服务群众', '社区办公用房面积不足，群众办事不便', { heavy: true }),
    P('社会治安', '背街小巷路灯损坏，夜间出行不安全', { joint: true }),
    P('环境卫生', '小区环境卫生脏乱差，垃圾清运不及时', { joint: true }),
    P('民生实事', '城区低保对象低保金补差不到位'),
    P('组织建设', '流动党员管理松散，底数不清'),
    P('民生实事', '社区群众体育健身设施缺乏', { heavy: true, joint: true }),
    P('服务群众', '居民反映噪音扰民问题长期未解决', { joint: true }),
    P('服务群众', '下岗职工再就业服务不到位'),
    P('工作作风', '社区服务窗口工作时间与居民需求不符'),
    P('民生实事', '城区公交线路覆盖不足，居民乘车难', { heavy: true, joint: true }),
    P('民生实事', '特困群众住房困难问题突出', { heavy: true, joint: true }),
  ],
  agency: [
    P('工作作风', '群众到机关办事手续繁琐、多头跑'),
    P('工作作风', '部分干部服务意识不强，存在门难进、脸难看现象'),
    P('制度机制', '政务公开不及时、不全面'),
    P('工作作风', '会议文件多，深入基层调查研究少'),
    P('制度机制', '机关作风建设制度落实不到位'),
    P('服务群众', '行政审批时限过长，企业反映强烈'),
    P('思想认识', '少数干部学习不够，业务能力不适应新形势'),
    P('廉洁自律', '公务用车使用管理不规范'),
    P('民生实事', '城乡特困家庭大病医疗救助不到位', { heavy: true, joint: true }),
  ],
  school: [
    P('民生实事', '城区小学配套建设滞后，适龄儿童入学难', { heavy: true, joint: true }),
    P('思想认识', '教师师德建设有待加强，少数教师有偿家教'),
    P('廉洁自律', '学校收费公示不规范'),
    P('社会治安', '校园周边交通秩序混乱，存在安全隐患', { joint: true }),
    P('民生实事', '教学设施老化，实验设备不足', { heavy: true }),
    P('服务群众', '对家庭困难学生资助不及时'),
  ],
  enterprise: [
    P('民生实事', '企业改制遗留问题多，职工意见大', { heavy: true, joint: true }),
    P('制度机制', '安全生产制度落实不到位'),
    P('服务群众', '职工劳动保护措施不完善'),
    P('制度机制', '厂务公开流于形式'),
    P('服务群众', '困难职工帮扶机制不健全'),
    P('组织建设', '党组织在企业生产经营中作用发挥不明显'),
  ],
  new_social: [
    P('组织建设', '党组织活动经费缺乏，活动难以正常开展', { heavy: true }),
    P('组织建设', '党员流动性大，组织生活不正常'),
    P('思想认识', '部分企业主对党建工作认识不足'),
    P('服务群众', '职工合法权益保障不到位'),
    P('组织纪律', '党员先锋模范作用发挥不明显'),
  ],
  intermediary: [
    P('服务群众', '收费标准不透明，群众反映收费偏高'),
    P('制度机制', '执业行为不规范，服务质量有待提高'),
    P('制度机制', '行业自律制度落实不到位'),
    P('组织纪律', '党员亮身份、作表率不够'),
  ],
  social_group: [
    P('服务群众', '协会会员服务不到位'),
    P('组织建设', '活动经费不足，组织活动少', { heavy: true }),
    P('制度机制', '财务管理制度不健全'),
    P('组织建设', '党组织覆盖面不广'),
  ],
};

export function problemText(rng: Rng, unitType: UnitType): ProblemText {
  return rng.pick(PROBLEMS[unitType]);
}

export function lookBackProblemText(rng: Rng): ProblemText {
  return rng.pick([
    P('制度机制', '回头看发现：部分整改制度执行不经常，存在松懈现象'),
    P('服务群众', '回头看发现：群众新反映的村组道路维护问题'),
    P('组织建设', '回头看发现：党员定岗定责落实不到位'),
    P('思想认识', '回头看发现：少数党员学习热情减退'),
  ]);
}

const MEASURES = [
  '召开专题会议研究整改，明确分管领导和责任人',
  '建立问题台账，逐项明确整改措施和完成时限',
  '建立健全相关制度，按月公开落实情况',
  '开展专项督查，逐户走访核实',
  '争取上级项目资金支持，分步实施',
  '落实党员联系户制度，定期走访听取意见',
  '设立意见箱和监督电话，接受群众监督',
  '组织党员志愿者开展集中整治',
  '完善服务承诺制、首问负责制和限时办结制',
  '将整改情况纳入年度目标考核',
];

export function measures(rng: Rng): string[] {
  return rng.shuffle([...MEASURES]).slice(0, rng.int(1, 3));
}

export function progressNote(rng: Rng): string {
  return rng.pick([
    `已召开专题会议研究部署，明确了${rng.int(2, 6)}项具体措施`,
    `已完成前期摸底调查，涉及群众${rng.int(12, 260)}户`,
    `已落实整改资金${rng.int(2, 80)}万元`,
    `工程已开工，完成总工程量约${rng.int(2, 9)}0%`,
    '已建立整改台账，逐项销号推进',
    '已在公示栏向群众公开整改进展',
    `组织党员志愿者${rng.int(8, 60)}人次开展集中整治`,
    '相关制度已修订完成，正在征求群众意见',
    '分管领导带队现场督办，协调解决具体困难',
    `已走访群众${rng.int(20, 150)}户，听取对整改的意见`,
  ]);
}

export function claimEvidence(rng: Rng): string {
  return rng.pick([
    '整改任务已全部完成，相关制度已印发执行，群众代表现场查看认可，附整改前后对比照片',
    '已按整改方案完成各项措施，整改结果已在公示栏公布七天，群众无异议',
    '整改完成，建立了长效管理制度，附会议记录、制度文本和现场照片',
    '问题已解决，经回访群众满意，附回访记录',
  ]);
}

export function acceptComment(rng: Rng): string {
  return rng.pick([
    '经现场核查，整改到位，群众满意，同意验收',
    '查阅台账并走访群众，整改措施落实，同意验收',
    '整改成效明显，佐证材料齐全，验收通过',
    '',
  ]);
}

export function rejectFixReason(rng: Rng): string {
  return rng.pick([
    '整改佐证材料不充分，群众仍有反映，退回继续整改',
    '现场核查发现部分问题仍未解决，请继续整改后再申请验收',
    '整改措施未全部落实，长效机制尚未建立',
  ]);
}

export function mechanisms(rng: Rng): string | null {
  if (rng.chance(0.12)) return null;
  return rng.pick([
    '建立月度公开制度，纳入年度考核，防止问题反弹',
    '制定服务承诺制，实行首问负责和限时办结',
    '建立党员联系户制度，每季度走访一次',
    '建立问题回访机制，每半年回访群众一次',
    '形成长效管护机制，明确专人负责日常维护',
    '将整改事项纳入党员定岗定责内容，定期评议',
  ]);
}

export function deferral(rng: Rng): { constraint: string; explanation: string; gradual: string[] } {
  const constraint = rng.pick([
    '需列入明年财政预算，整改资金暂时无法落实',
    '涉及城市规划调整，需等待上级审批',
    '受季节影响，须待枯水期方可施工',
    '涉及历史遗留问题，需多个部门会商解决',
    '需省级部门立项，项目尚在审批之中',
  ]);
  const explanation = rng.pick([
    '已召开群众代表会议，说明受客观条件限制需分步解决，并公布解决时间表',
    '已在公示栏公开说明情况，党员干部逐户上门解释',
    '已向反映问题的群众当面说明情况，群众表示理解',
  ]);
  const gradual = rng.shuffle(['先行解决最紧迫的部分', '积极争取上级项目资金', '每月向群众通报进展', '落实临时性保障措施', '明确专人跟踪协调']).slice(0, rng.int(1, 3));
  return { constraint, explanation, gradual };
}

export function deferralFinding(rng: Rng): string {
  return rng.pick([
    '复查：资金已部分落实，预计下季度具备实施条件',
    '复查：上级审批仍在办理中，继续暂缓并向群众说明',
    '复查：临时措施运行正常，群众反映平稳',
  ]);
}

export function resumeNote(rng: Rng): string {
  return rng.pick(['客观条件已具备，资金已到位，恢复整改', '上级审批已下达，恢复整改并明确新的时限', '枯水期已到，工程恢复施工']);
}

export function jointReason(rng: Rng): string {
  return rng.pick([
    '该问题涉及多个部门职责，需上级党委统筹协调，联动整改',
    '问题涉及规划、资金和施工多个环节，单个支部无力解决，需综合治理',
    '群众反映强烈，需上级党委牵头、有关单位分工负责',
  ]);
}

export const PART_TASKS = [
  '负责本单位范围内的排查整治',
  '负责协调落实整改资金和项目审批',
  '负责组织施工和现场管理',
  '负责群众工作和宣传解释',
  '负责建立长效管护机制',
];

export function partEvidence(rng: Rng): string {
  return rng.pick(['承担的任务已完成，附验收记录', '本单位任务已落实到位，群众认可', '相关工作已完成并移交管护']);
}

export function deadlineReason(rng: Rng): string {
  return rng.pick([
    '工程量超出预期，经研究报批延长整改时限',
    '因汛期影响施工，申请延期',
    '需等待上级配套资金到位，调整整改时限',
  ]);
}

export function recheckFinding(rng: Rng, held: boolean): string {
  return held
    ? rng.pick([
        '回头看复查：整改成果巩固，长效机制运行正常，群众评价满意',
        '回头看复查：走访群众和查阅台账，未发现反弹',
        '回头看复查：问题已解决，制度坚持执行',
      ])
    : rng.pick([
        '回头看复查发现问题反弹，群众再次反映，重新纳入整改',
        '回头看复查：长效机制未坚持执行，问题有所反弹',
        '回头看复查：设施维护不到位，问题再次出现',
      ]);
}

const STEP_EVIDENCE: Record<string, (rng: Rng, n: { members: number; quantity: number }) => string> = {
  mobilization_meeting: (r, n) => `召开党员动员大会，应到${n.members}人，实到${Math.max(1, n.members - r.int(0, 2))}人，传达上级精神，部署活动`,
  centralized_study: (_, n) => `组织集中学习${n.quantity}学时，学习《党章》和“三个代表”重要思想学习纲要`,
  thematic_discussion: (r) => `围绕“新时期共产党员保持先进性的具体要求”开展专题讨论${r.int(2, 4)}次，人人撰写心得体会`,
  locating_members: (_, n) => `通过双向查找、发动群众联络，找到并落实到支部的党员${n.quantity}名`,
  soliciting_opinions: (r) => `发放征求意见表${r.int(30, 300)}份，召开座谈会${r.int(2, 6)}次，收集意见建议${r.int(12, 80)}条`,
  heart_to_heart_talks: (r, n) => `班子成员与党员、党员与党员之间开展谈心谈话${n.members * r.int(2, 4)}人次`,
  party_spirit_analysis: (_, n) => `党员对照党章撰写党性分析材料${n.members}份`,
  organizational_life_meeting: () => '召开专题组织生活会，开展批评与自我批评，上级督导组到会指导',
  democratic_appraisal: (r, n) => `组织民主评议党员，评议结果：优秀${Math.max(1, Math.round(n.members * r.float(0.15, 0.3)))}名，其余合格`,
  appraisal_report: () => '向党员和群众通报评议情况，对评议中提出的意见逐条反馈',
  rectification_plan: (r) => `制定整改方案，梳理突出问题${r.int(3, 15)}条，明确整改措施、责任人和时限`,
  plan_publication: () => '通过公示栏、党员大会和群众座谈会公示整改方案',
  implementation: (r) => `逐项落实整改措施，已完成整改事项${r.int(2, 12)}项`,
  results_publication: () => '在公示栏和群众大会上公布整改结果，接受群众评判',
  satisfaction_evaluation: (_, n) => `组织群众满意度测评，满意率${n.quantity}%`,
  review_against_requirements: () => '对照建设社会主义新农村的要求，逐项检查整改承诺落实情况',
  recheck_closed_problems: (_, n) => `对先进性教育活动中已销号的${n.quantity}个问题逐一复查`,
};

export function stepEvidence(rng: Rng, stepKey: string, n: { members: number; quantity: number }): string {
  return (STEP_EVIDENCE[stepKey] ?? (() => '已按要求完成'))(rng, n);
}

export function transitionNote(rng: Rng, resubmitted: boolean): string {
  if (resubmitted) return rng.pick(['已按督导组意见补充完善，重新申请转段', '已补齐相关材料，再次申请转段']);
  return rng.pick(['本阶段规定动作已全部完成，申请转入下一阶段', '各环节工作已完成，材料齐全，申请转段', '']);
}

export function approveComment(rng: Rng): string {
  return rng.pick(['经检查，本阶段工作扎实，同意转段', '规定动作完成到位，同意转入下一阶段', '同意转段', '']);
}

export function rejectTransitionReason(rng: Rng): string {
  return rng.pick([
    '专题组织生活会记录不完整，批评与自我批评不深入，请补课后再申请',
    '征求意见范围不广，群众参与不够，请补充完善',
    '集中学习时间不足，部分党员未参加学习，请补学',
    '整改方案针对性不强，请进一步细化后再申请',
  ]);
}

export function conclusionSummary(rng: Rng, rate: number | null): string {
  const satisfaction = rate === null ? '' : `，群众满意率${(rate * 100).toFixed(1)}%`;
  return rng.pick([
    `经督导组检查验收，该单位各阶段工作扎实，整改成效明显${satisfaction}，同意结束`,
    `巩固扩大整改成果工作落实到位，长效机制基本建立${satisfaction}，确认完成`,
  ]);
}

export function lookBackSummary(rng: Rng): string {
  return rng.pick(['回头看各环节工作完成，整改成果得到巩固，同意结束', '回头看工作扎实，反弹问题已重新纳入整改，同意结束']);
}

export const TALLY_MEETINGS = ['党员群众代表测评大会', '群众代表座谈会测评', '服务对象测评会', '入户走访测评'];

export function attachment(rng: Rng, day: string): string | undefined {
  if (!rng.chance(0.35)) return undefined;
  const hex = rng.uint32().toString(16).padStart(8, '0');
  return `files/${day.slice(0, 7)}/${hex}.${rng.pick(['jpg', 'pdf', 'docx'])}`;
}
