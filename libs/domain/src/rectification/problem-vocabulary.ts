/** Where a problem was found. */
export const PROBLEM_SOURCES = [
  'democratic_appraisal',
  'soliciting_opinions',
  'supervision_group',
  'inspection_tour',
  'masses_report',
  'look_back',
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const PROBLEM_SOURCE_NAMES: Record<ProblemSource, string> = {
  democratic_appraisal: '民主评议',
  soliciting_opinions: '征求意见',
  supervision_group: '督导组',
  inspection_tour: '巡视巡察',
  masses_report: '群众反映',
  look_back: '回头看',
};

/** Sources an inspection team records as its own findings. */
export const INSPECTOR_SOURCES: readonly ProblemSource[] = ['supervision_group', 'inspection_tour'];

export const TIMING_CLASSES = ['immediate', 'by_deadline', 'ongoing'] as const;
export type TimingClass = (typeof TIMING_CLASSES)[number];

export const TIMING_CLASS_NAMES: Record<TimingClass, string> = {
  immediate: '立行立改',
  by_deadline: '限期整改',
  ongoing: '持续整改',
};

/** Ongoing work may have a milestone, but the other two classes are promises with a date. */
export const TIMING_NEEDS_DEADLINE: Record<TimingClass, boolean> = {
  immediate: true,
  by_deadline: true,
  ongoing: false,
};

export const PROBLEM_STATUSES = ['identified', 'planned', 'in_progress', 'fixed', 'verified', 'closed', 'deferred', 'joint'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_NAMES: Record<ProblemStatus, string> = {
  identified: '已查摆',
  planned: '已制定整改措施',
  in_progress: '整改中',
  fixed: '已整改待验收',
  verified: '已验收',
  closed: '已销号',
  deferred: '暂缓解决',
  joint: '联动整改中',
};

/** The five kinds of handling of seed 004, part 三.1. */
export const HANDLINGS = ['being_rectified', 'by_deadline', 'deferred', 'joint', 'solved'] as const;
export type Handling = (typeof HANDLINGS)[number];

export const HANDLING_NAMES: Record<Handling, string> = {
  being_rectified: '正在整改',
  by_deadline: '限期整改',
  deferred: '受客观条件限制，向群众说明情况',
  joint: '需要综合治理，联动整改',
  solved: '已经解决或基本解决',
};
