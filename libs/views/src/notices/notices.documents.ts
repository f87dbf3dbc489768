import { MetricsVersion, RankKey } from '@platform/domain';

export const NOTICES = 'notices';

/** A published notice's facts, for lists and access checks; the snapshot stays in its event. */
export type NoticeDoc = BoardNoticeDoc | KeyTaskNoticeDoc;

/** A campaign board's notice. */
export interface BoardNoticeDoc {
  readonly _id: string;
  readonly noticeId: string;
  readonly campaignId: string;
  readonly title: string;
  readonly noticeDate: string;
  readonly position: number;
  readonly metricsVersion: MetricsVersion;
  readonly rankBy: RankKey;
  readonly root: string | null;
  readonly unitIds: string[];
  readonly snapshotHash: string;
  readonly publishedBy: string;
  readonly publishedAt: string;
  /** Where the NoticePublished event itself is. */
  readonly eventPosition: number;
}

/** A key task's stock-take notice (重点任务调度通报). */
export interface KeyTaskNoticeDoc extends Pick<BoardNoticeDoc, '_id' | 'noticeId' | 'title' | 'noticeDate' | 'position' | 'root' | 'unitIds' | 'snapshotHash' | 'publishedBy' | 'publishedAt' | 'eventPosition'> {
  readonly kind: 'key-task';
  readonly taskId: string;
  readonly stockTakeId: string;
}
