import { STAFF } from '@platform/common';
import { readRosterCounts, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { unitFilter } from '../../shared/view-scope';
import { GetRosterCountsRequest } from './get-roster-counts.request.dto';
import { GetRosterCountsAnswer } from './get-roster-counts.response';
import { memberRosterQuery } from '../query-routes';

export const GetRosterCountsHttpController = memberRosterQuery('GetRosterCounts', 'api/member-rosters', {
  operation: {
    summary: '党员名册统计 (roster counts per unit)',
    description: '党员名册统计：范围内建有名册的各单位在册、正常、流动、失联（查找中）、转出、去世人数，按乡镇/区县/市逐级汇总；只有人数，没有姓名；asOf 返回历史时刻',
  },
  answer: GetRosterCountsAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: GetRosterCountsRequest, inject: { moments: ViewMoments },
  handle: atMoment(ROSTER_PROJECTIONS, async ({ query: q, scope }, moment) => {
    const view = await readRosterCounts(moment.store('member-roster'), moment.tree, unitFilter(moment.tree, scope, q.root));
    return view;
  }),
});
