import { CampaignParams, fromLookup, STAFF } from '@platform/common';
import { boardChildren, boardStageOrder } from '../../progress-board/board-children';
import { BOARD_PROJECTIONS, readBoard } from '../../progress-board/board-reader';
import { participationSource, readRosterParticipation } from '../../member-roster/roster-participation';
import { ViewMoments } from '../../shared/view-moment';
import { pageOf } from '../../shared/pagination';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { boardQueryOf, GetProgressBoardRequest } from './get-progress-board.request.dto';
import { GetProgressBoardAnswer } from './get-progress-board.response';
import { CampaignUnits } from '@platform/campaigns';
import { viewsQuery } from '../query-routes';

export const GetProgressBoardHttpController = viewsQuery('GetProgressBoard', 'api/campaigns/:campaignId/board', {
  operation: { summary: '进度看板 (progress board)', description: '进度看板：各参加组织的当前阶段、必做步骤、转段、参学率、问题处理情况、整改完成率与按期率、 满意度与补课，按乡镇/区县/市逐级汇总（先加总数量再算比率）并排名；只含本人范围内的组织； asOf 返回历史时刻的看板，metricsVersion 选择指标口径' },
  answer: GetProgressBoardAnswer,
  access: { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' },
  params: CampaignParams, query: GetProgressBoardRequest, inject: { moments: ViewMoments },
  async handle({ params: p, query: q, scope, res }, { moments }) {
    const moment = await moments.resolve(q.asOf, BOARD_PROJECTIONS);
    const filter = unitFilter(moment.tree, scope, q.root);
    const view = await readBoard(moment.store, moment.tree, p.campaignId, filter, boardQueryOf(q), moment.memo);
    const page = pageOf(view.rows, q);
    const rootId = q.root ?? (moment.tree.rootIds().length === 1 ? moment.tree.rootIds()[0] : null);
    const children = rootId ? boardChildren(moment.tree, rootId, view.rows, view.rollups, boardStageOrder(view.campaign.phases)) : [];
    const roster = await readRosterParticipation(moment.store('member-roster'), p.campaignId, filter);
    const rows = page.items.map((r) => ({ ...r, participationSource: participationSource(r, roster) }));
    return { asOf: momentOf(res, moment), ...view, skip: page.skip, limit: page.limit, rows, children };
  },
});
