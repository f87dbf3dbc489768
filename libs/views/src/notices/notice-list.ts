import { ActorScope } from '@platform/common';
import { ViewMoment } from '../shared/view-moment';
import { unitClause, unitFilter } from '../shared/view-scope';
import { publicNotice } from './notice-reader';
import { NoticeDoc, NOTICES } from './notices.documents';

/** The notices published on one campaign or key task that name a unit in the reader's scope, newest first. */
export async function listNotices(moment: ViewMoment, scope: ActorScope, of: { campaignId: string } | { taskId: string }) {
  const units = unitFilter(moment.tree, scope, null);
  const notices = await moment.store('notices').find<NoticeDoc>(NOTICES, { ...of, ...unitClause('unitIds', units) }, { sort: { noticeDate: -1, eventPosition: -1 } });
  return { total: notices.length, notices: notices.map(({ _id, unitIds, ...n }) => ({ ...publicNotice(n, moment.positions), unitCount: unitIds.length })) };
}
