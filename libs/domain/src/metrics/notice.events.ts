import { DomainEvent } from '../shared/decider';
import { MetricsVersion } from './metric-definitions';
import { HandlingVersion } from './handling-definitions';

/** What a board ranks by; the tie-break is fixed (see the board view). */
export const RANK_KEYS = ['completionRate', 'stepCompletion', 'participationRate', 'satisfactionRate', 'onTimeRate'] as const;
export type RankKey = (typeof RANK_KEYS)[number];

export const RANK_KEY_NAMES: Record<RankKey, string> = {
  completionRate: '整改完成率',
  stepCompletion: '必做步骤完成率',
  participationRate: '参学率',
  satisfactionRate: '满意率',
  onTimeRate: '按期整改率',
};

/**
 * 通报: a ranked snapshot of a campaign's board, computed at a global position under a metrics
 * version and for a scope. It never changes: the snapshot and its hash are part of the event,
 * and the same inputs replayed from the events give the same snapshot.
 */
export type NoticePublished = DomainEvent<
  'NoticePublished',
  {
    noticeId: string;
    campaignId: string;
    title: string;
    /** The date printed on the notice (YYYY-MM-DD). */
    noticeDate: string;
    /** The board reflects every event up to and including this position. */
    position: number;
    metricsVersion: MetricsVersion;
    /** The five kinds' classification; absent on notices published before it was versioned (version 1). */
    handlingVersion?: HandlingVersion;
    rankBy: RankKey;
    /** The subtree ranked, or null for the whole campaign. */
    root: string | null;
    /** The publisher's scope the board was computed for. */
    scope: { all: boolean; roots: string[] };
    /** The ranked units, so readers' scopes can be matched without opening the snapshot. */
    unitIds: string[];
    /** sha256 of the snapshot's canonical JSON. */
    snapshotHash: string;
    snapshot: unknown;
    publishedBy: string;
  }
>;

/**
 * 重点任务调度通报: a key task's ranked schedule at one stock-take, frozen like a board notice
 * (same position, scope, hash and reproduction), in the same notice stream.
 */
export type KeyTaskNoticePublished = DomainEvent<
  'KeyTaskNoticePublished',
  Pick<NoticePublished['data'], 'noticeId' | 'title' | 'noticeDate' | 'position' | 'root' | 'scope' | 'unitIds' | 'snapshotHash' | 'snapshot' | 'publishedBy'> & {
    taskId: string;
    stockTakeId: string;
  }
>;

export type NoticeEvent = NoticePublished | KeyTaskNoticePublished;

export const NOTICE_EVENT_TYPES: NoticeEvent['type'][] = ['NoticePublished', 'KeyTaskNoticePublished'];

export const noticeStreamId = (noticeId: string) => `notice-${noticeId}`;
