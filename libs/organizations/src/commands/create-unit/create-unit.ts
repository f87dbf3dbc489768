import { streamUseCase } from '@platform/common';
import { organizationDecider, orgStreamId, UnitLevel, UnitType } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';

export interface CreateUnitInput {
  unitId: string;
  name: string;
  level: UnitLevel;
  unitType: UnitType;
  parentId?: string;
  memberCount?: number;
}

export const createUnit = streamUseCase(organizationDecider)({
  name: 'CreateUnit',
  streamId: (i: CreateUnitInput) => orgStreamId(i.unitId),
  facts: async (i, ports: TreeFacts) => {
    const tree = await ports.tree();
    return { parent: tree.parentFacts(i.parentId), rootIds: tree.rootIds() };
  },
  toCommand: (i, { parent, rootIds }, context) => ({
    type: 'CreateUnit',
    ...context,
    unitId: i.unitId,
    name: i.name,
    level: i.level,
    unitType: i.unitType,
    memberCount: i.memberCount ?? 0,
    parentId: i.parentId ?? null,
    parent,
    rootIds,
  }),
});
