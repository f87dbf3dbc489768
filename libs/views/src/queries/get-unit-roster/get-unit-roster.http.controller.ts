import { readUnitRoster, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { GetUnitRosterRequest } from './get-unit-roster.request.dto';
import { GetUnitRosterAnswer } from './get-unit-roster.response';
import { memberRosterQuery } from '../query-routes';
import { UNIT_VIEW } from '../view-subjects';

export const GetUnitRosterHttpController = memberRosterQuery('GetUnitRoster', 'api/units/:unitId/roster', {
  operation: {
    summary: '一个单位的党员名册 (a unit’s member roster)',
    description: '一个单位的党员名册：各状态人数、在册人数、查找中人数；姓名、流入地和查找记录只对本单位、活动办公室和管理员显示，其他人只见人数；asOf 返回历史时刻的名册',
  },
  answer: GetUnitRosterAnswer,
  ...UNIT_VIEW, query: GetUnitRosterRequest, inject: { moments: ViewMoments },
  handle: atMoment(ROSTER_PROJECTIONS, ({ params: p, actor }, moment) => readUnitRoster(moment.store('member-roster'), moment.tree, p.unitId, actor)),
});
