import { STAFF } from '@platform/common';
import { DEMONSTRATION_POINTS, DemonstrationPointDoc } from '../../demonstration-register/demonstration-register.projection';
import { pointRow } from '../../demonstration-register/demonstration-register.reader';
import { ViewMoments } from '../../shared/view-moment';
import { atMoment } from '../moment-query';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListDemonstrationPointsRequest } from './list-demonstration-points.request.dto';
import { ListDemonstrationPointsAnswer } from './list-demonstration-points.response';
import { demonstrationPointsQuery } from '../query-routes';

export const ListDemonstrationPointsHttpController = demonstrationPointsQuery('ListDemonstrationPoints', 'api/demonstration-points', {
  operation: {
    summary: '示范点名册 (the register of demonstration points)',
    description: '本人范围内的示范点及创建单位，按类型、级别、阶段筛选，含每个点历年考评记录与各阶段数量；可按 asOf 查看当时的名册',
  },
  answer: ListDemonstrationPointsAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListDemonstrationPointsRequest, inject: { moments: ViewMoments },
  handle: atMoment(['demonstration-register'], async ({ query: q, scope }, moment) => {
    const filter = { ...unitClause('unitId', unitFilter(moment.tree, scope, q.root)), ...(q.pointType ? { pointType: q.pointType } : {}), ...(q.level ? { level: q.level } : {}) };
    const docs = await moment.store('demonstration-register').find<DemonstrationPointDoc>(DEMONSTRATION_POINTS, filter, { sort: { level: 1, pointType: 1, unitId: 1 } });
    const byStage: Record<string, number> = {};
    for (const d of docs) byStage[d.stage] = (byStage[d.stage] ?? 0) + 1;
    const points = docs.filter((d) => !q.stage || d.stage === q.stage).map((d) => pointRow(d, moment.tree));
    return { total: points.length, byStage, points };
  }),
});
