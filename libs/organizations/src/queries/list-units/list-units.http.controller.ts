import { NotFoundException } from '@nestjs/common';
import { scopeCovers, STAFF } from '@platform/common';
import { UNIT_LEVEL_NAMES, UNIT_TYPE_NAMES } from '@platform/domain';
import { OrganizationDirectory } from '../../organization-directory';
import { ListUnitsRequest } from './list-units.request.dto';
import { ListUnitsAnswer } from './list-units.response';
import { organizationsQuery } from '../query-routes';

export const ListUnitsHttpController = organizationsQuery('ListUnits', 'api/organizations', {
  operation: { summary: '组织列表 (list units)', description: '组织列表（可按子树、层级、类型筛选）' },
  answer: ListUnitsAnswer,
  access: { roles: STAFF, mode: 'read', units: null },
  query: ListUnitsRequest, inject: { directory: OrganizationDirectory },
  async handle({ query: q, scope }, { directory }) {
    const tree = await directory.current();
    const visible = (id: string) => scopeCovers(scope, id, tree.ancestorIds(id));
    if (q.root && !visible(q.root)) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '资源不存在或无权查看 (not found)' });
    }
    const ids = q.root ? tree.subtreeIds(q.root) : tree.all().map((n) => n.unitId);
    const units = ids
      .map((id) => tree.get(id)!)
      .filter((n) => visible(n.unitId))
      .filter((n) => (q.includeClosed || !n.closed) && (!q.level || n.level === q.level) && (!q.unitType || n.unitType === q.unitType))
      .map((n) => ({ ...n, levelName: UNIT_LEVEL_NAMES[n.level], unitTypeName: UNIT_TYPE_NAMES[n.unitType] }));
    return { total: units.length, units };
  },
});
