import { CommandContext, hasRole } from '../shared/actor';
import { assertNever, Decider } from '../shared/decider';
import { daysBetween, isIsoDate } from '../shared/dates';
import { refuse } from '../shared/domain-error';
import { UNIT_ID_PATTERN } from '../organizations/organization-types';
import { isMetricsVersion } from './metric-definitions';
import { isHandlingVersion } from './handling-definitions';
import { KeyTaskNoticePublished, NoticeEvent, NoticePublished, RANK_KEYS } from './notice.events';

type NoticeData = NoticePublished['data'];
type KeyTaskNoticeData = KeyTaskNoticePublished['data'];

/** The snapshot is computed by the handler (it needs the read models); the decider checks the facts. */
export type NoticeCommand = CommandContext &
  /** The event store's head when the command was decided: a notice cannot look into the future. */
  { headPosition: number } & (
    | ({ type: 'PublishNotice'; campaign: { campaignId: string; launched: boolean } } & Omit<NoticeData, 'campaignId' | 'publishedBy'>)
    | ({
        type: 'PublishKeyTaskNotice';
        /** Whether the task has this stock-take at the notice's position. */
        stockTake: { taskId: string; stockTakeId: string; found: boolean };
      } & Omit<KeyTaskNoticeData, 'taskId' | 'stockTakeId' | 'publishedBy'>)
  );

export interface NoticeState {
  readonly published: boolean;
  readonly noticeId: string;
}

const initialState = (): NoticeState => ({ published: false, noticeId: '' });

/** What every notice must be, whatever it ranks: new, by the office, dated, at a real position, hashed. */
function checkNotice(c: NoticeCommand, s: NoticeState, found: () => void): { title: string } {
  if (s.published) refuse('notice_exists', `通报 ${s.noticeId} 已发布，不能修改 (a published notice never changes)`);
  if (!hasRole(c.actor, 'office', 'admin')) refuse('role_not_allowed', '只有活动办公室可以发布通报 (office only)');
  if (!UNIT_ID_PATTERN.test(c.noticeId)) refuse('notice_id_invalid', '通报编号只能包含字母、数字、- 和 _ (noticeId)');
  found();
  const title = c.title.trim();
  if (!title) refuse('title_required', '请填写通报标题 (title is required)');
  if (!isIsoDate(c.noticeDate)) refuse('notice_date_invalid', '通报日期格式应为 YYYY-MM-DD (noticeDate)');
  if (daysBetween(c.at, c.noticeDate) > 1) refuse('notice_date_in_future', '通报日期不能晚于今天 (noticeDate in the future)');
  if (!Number.isInteger(c.position) || c.position < 0 || c.position > c.headPosition) {
    refuse('position_invalid', '通报的数据截止位置无效 (position must be within the event history)', { position: c.position });
  }
  if (!/^[0-9a-f]{64}$/.test(c.snapshotHash)) refuse('snapshot_hash_invalid', '通报快照摘要无效 (snapshotHash must be sha256 hex)');
  return { title };
}

/** What either kind of notice freezes of its ranking, in the order its event has always stored it. */
function frozenSnapshot(c: NoticeCommand) {
  return {
    root: c.root,
    scope: { all: c.scope.all, roots: [...c.scope.roots] },
    unitIds: [...c.unitIds],
    snapshotHash: c.snapshotHash,
    snapshot: c.snapshot,
    publishedBy: c.actor.userId,
  };
}

function decide(c: NoticeCommand, s: NoticeState): NoticeEvent[] {
  switch (c.type) {
    case 'PublishNotice': {
      const { title } = checkNotice(c, s, () => {
        if (!c.campaign.launched) refuse('campaign_not_found', `活动 ${c.campaign.campaignId} 不存在 (campaign not found)`);
      });
      if (!isMetricsVersion(c.metricsVersion)) refuse('metrics_version_unknown', `指标口径版本 ${String(c.metricsVersion)} 不存在 (metricsVersion unknown)`);
      if (c.handlingVersion !== undefined && !isHandlingVersion(c.handlingVersion)) {
        refuse('handling_version_unknown', `五类问题分类口径版本 ${String(c.handlingVersion)} 不存在 (handlingVersion unknown)`);
      }
      if (!RANK_KEYS.includes(c.rankBy)) refuse('rank_key_unknown', `排名指标 ${String(c.rankBy)} 不存在 (rankBy unknown)`);
      return [
        {
          type: 'NoticePublished',
          data: {
            noticeId: c.noticeId,
            campaignId: c.campaign.campaignId,
            title,
            noticeDate: c.noticeDate.slice(0, 10),
            position: c.position,
            metricsVersion: c.metricsVersion,
            ...(c.handlingVersion === undefined ? {} : { handlingVersion: c.handlingVersion }),
            rankBy: c.rankBy,
            ...frozenSnapshot(c),
          },
        },
      ];
    }
    case 'PublishKeyTaskNotice': {
      const { title } = checkNotice(c, s, () => {
        const { taskId, stockTakeId, found } = c.stockTake;
        if (!found) refuse('stock_take_not_found', `重点任务 ${taskId} 没有调度 ${stockTakeId} (stock-take not found)`, { taskId, stockTakeId });
      });
      return [
        {
          type: 'KeyTaskNoticePublished',
          data: {
            noticeId: c.noticeId,
            taskId: c.stockTake.taskId,
            stockTakeId: c.stockTake.stockTakeId,
            title,
            noticeDate: c.noticeDate.slice(0, 10),
            position: c.position,
            ...frozenSnapshot(c),
          },
        },
      ];
    }
    default:
      return assertNever(c);
  }
}

function evolve(_state: NoticeState, e: NoticeEvent): NoticeState {
  switch (e.type) {
    case 'NoticePublished':
    case 'KeyTaskNoticePublished':
      return { published: true, noticeId: e.data.noticeId };
    default:
      return assertNever(e);
  }
}

export const noticeDecider: Decider<NoticeCommand, NoticeState, NoticeEvent> = { decide, evolve, initialState };
