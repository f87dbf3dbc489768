import { MetricsVersion, RankKey } from '@platform/domain';

export const NOTICES = 'notices';

/** A published notice's facts, for lists and access checks; the snapshot stays in its event. */
export interface NoticeDoc {
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
