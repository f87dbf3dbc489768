import { CampaignParams } from '@platform/common';
import { BOARD_PROJECTIONS, prepareBoard } from '../../progress-board/board-reader';
import { participationSource } from '../../member-roster/roster-participation';
import { ViewMoments } from '../../shared/view-moment';
import { sendJsonKeeping } from '../../shared/kept-json';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { atMoment } from '../moment-query';
import { unitFilter } from '../../shared/view-scope';
import { boardQueryOf, GetProgressBoardRequest } from './get-progress-board.request.dto';
import { GetProgressBoardAnswer } from './get-progress-board.response';
import { viewsQuery } from '../query-routes';
import { CAMPAIGN_VIEW } from '../view-subjects';

const boardAnswer = atMoment<CampaignParams, GetProgressBoardRequest, { moments: ViewMoments }, object>(BOARD_PROJECTIONS, async ({ params: p, query: q, scope }, moment) => {
  const { tree } = moment;
  const filter = unitFilter(tree, scope, q.root);
  const query = boardQueryOf(q);
  // A past moment's board is prepared for a small scope alone; the live one for the whole campaign (see prepareBoard).
  const { ranked, roster } = await prepareBoard(moment.store, tree, p.campaignId, query, moment.memo, moment.live ? undefined : filter);
  const roots = tree.rootIds();
  const rootId = q.root ?? (roots.length === 1 ? roots[0] : null);
  const view = ranked.page(tree, filter, query, { skip: q.skip ?? 0, limit: q.limit ?? DEFAULT_PAGE_SIZE }, rootId);
  const rows = view.rows.map((r) => ({ ...r, participationSource: participationSource(r, roster) }));
  return { ...view, skip: q.skip ?? 0, limit: q.limit ?? DEFAULT_PAGE_SIZE, rows };
});

export const GetProgressBoardHttpController = viewsQuery('GetProgressBoard', 'api/campaigns/:campaignId/board', {
  operation: { summary: '进度看板 (progress board)', description: '进度看板：各参加组织的当前阶段、必做步骤、转段、参学率、问题处理情况、整改完成率与按期率、 满意度与补课，按乡镇/区县/市逐级汇总（先加总数量再算比率）并排名；只含本人范围内的组织； asOf 返回历史时刻的看板，metricsVersion 选择指标口径' },
  answer: GetProgressBoardAnswer,
  ...CAMPAIGN_VIEW, query: GetProgressBoardRequest, inject: { moments: ViewMoments },
  // The root's children are kept per scope with the prepared board (a line per county-level unit for the whole city): their JSON is written once.
  ownsResponse: true,
  handle: async (request, services) => sendJsonKeeping(request.res, await boardAnswer(request, services), ['children']),
});
