import { NotFoundException } from '@nestjs/common';
import { fromParams, STAFF, token, UnitParams } from '@platform/common';
import { orgStreamId, UNIT_LEVEL_NAMES, UNIT_TYPE_NAMES } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { OrganizationDirectory } from '../../organization-directory';
import { GetUnitAnswer } from './get-unit.response';
import { organizationsQuery } from '../query-routes';

export const GetUnitHttpController = organizationsQuery('GetUnit', 'api/organizations/:unitId', {
  operation: { summary: '组织详情 (get a unit)', description: '组织详情；ETag 为组织流的版本号，可作为下一条命令的 If-Match' },
  answer: GetUnitAnswer,
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  params: UnitParams, inject: { directory: OrganizationDirectory, store: token<EventStore>(EVENT_STORE) },
  async handle({ params: p, res }, { directory, store }) {
    const tree = await directory.current();
    const n = tree.get(p.unitId);
    if (!n) throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `组织 ${p.unitId} 不存在 (unit not found)` });
    res.header('ETag', `"${await store.streamRevision(orgStreamId(p.unitId))}"`);
    return {
      ...n,
      levelName: UNIT_LEVEL_NAMES[n.level],
      unitTypeName: UNIT_TYPE_NAMES[n.unitType],
      ancestorIds: tree.ancestorIds(n.unitId),
      childIds: tree.childIds(n.unitId),
    };
  },
});
