import { Handling, ProblemStatus, TimingClass } from '../rectification/problem-vocabulary';

export const HANDLING_VERSIONS = [1, 2] as const;
export type HandlingVersion = (typeof HANDLING_VERSIONS)[number];

/**
 * The rule the live tracker, the ledger and new notices use. A notice stores the version it was
 * computed under; one published before the rule was versioned carries none and was computed
 * under version 1 (`handlingVersionOf`).
 */
export const CURRENT_HANDLING_VERSION: HandlingVersion = 2;

/** What the classification looks at: the current cycle's status, joint handling and plan. */
export interface HandlingInput {
  readonly status: ProblemStatus;
  readonly joint: unknown;
  readonly plan: { readonly timing: TimingClass; readonly deadline: string | null } | null;
}

/** One line of the published table: a state of the problem and the kind it counts as. */
export interface HandlingRuleRow {
  readonly state: string;
  readonly kind: Handling;
}

export interface HandlingDefinition {
  readonly version: HandlingVersion;
  readonly name: string;
  readonly table: readonly HandlingRuleRow[];
  /** How this version differs from the one before it. */
  readonly changes: string | null;
  classify(c: HandlingInput): Handling;
}

const solvedOrDeferred = (c: HandlingInput): Handling | null =>
  c.status === 'closed' || c.status === 'verified' ? 'solved' : c.status === 'deferred' ? 'deferred' : null;

export const HANDLING_DEFINITIONS: Readonly<Record<HandlingVersion, HandlingDefinition>> = {
  1: {
    version: 1,
    name: '五类问题分类口径第1版（有整改时限即为限期整改）',
    table: [
      { state: '已验收 / 已销号', kind: 'solved' },
      { state: '暂缓解决', kind: 'deferred' },
      { state: '联动整改（含联动后待验收）', kind: 'joint' },
      { state: '立行立改或限期整改、有整改时限（已制定措施、整改中、已整改待验收）', kind: 'by_deadline' },
      { state: '已查摆未制定措施；持续整改', kind: 'being_rectified' },
    ],
    changes: null,
    classify: (c) => {
      const settled = solvedOrDeferred(c);
      if (settled) return settled;
      if (c.joint) return 'joint';
      if (c.plan?.deadline && c.plan.timing !== 'ongoing') return 'by_deadline';
      return 'being_rectified';
    },
  },
  2: {
    version: 2,
    name: '五类问题分类口径第2版（按市委要求的五类）',
    table: [
      { state: '已查摆、尚未制定措施', kind: 'being_rectified' },
      { state: '立行立改：已制定措施、整改中', kind: 'being_rectified' },
      { state: '持续整改：已制定措施、整改中', kind: 'being_rectified' },
      { state: '已整改待验收（含联动整改后待验收）', kind: 'being_rectified' },
      { state: '限期整改：已制定措施、整改中（含验收不通过退回）', kind: 'by_deadline' },
      { state: '暂缓解决', kind: 'deferred' },
      { state: '联动整改中', kind: 'joint' },
      { state: '已验收 / 已销号', kind: 'solved' },
    ],
    changes:
      '“对正在进行整改的问题要加强督查”：立行立改正在整改的问题、已整改待验收的问题属于正在整改一类，不再计入限期整改；' +
      '限期整改只含按期限整改、尚未完成的问题。(v2: immediate work under way and fixes awaiting verification are kind 1, not by_deadline.)',
    classify: (c) => {
      const settled = solvedOrDeferred(c);
      if (settled) return settled;
      if (c.status === 'fixed') return 'being_rectified';
      if (c.joint) return 'joint';
      if (c.plan?.deadline && c.plan.timing === 'by_deadline') return 'by_deadline';
      return 'being_rectified';
    },
  },
};

export function isHandlingVersion(v: unknown): v is HandlingVersion {
  return (HANDLING_VERSIONS as readonly unknown[]).includes(v);
}

/** A notice published before the rule was versioned carries no version: it was computed under 1. */
export function handlingVersionOf(recorded: HandlingVersion | null | undefined): HandlingVersion {
  return recorded ?? 1;
}

export function classifyHandling(c: HandlingInput, version: HandlingVersion = CURRENT_HANDLING_VERSION): Handling {
  return HANDLING_DEFINITIONS[version].classify(c);
}
