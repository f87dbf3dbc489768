import { streamUseCase } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';

export const moveUnit = streamUseCase(organizationDecider)({
  name: 'MoveUnit',
  streamId: (i: { unitId: string; parentId: string }) => orgStreamId(i.unitId),
  facts: async (i, ports: TreeFacts) => (await ports.tree()).parentFacts(i.parentId),
  toCommand: (i, parent, context) => ({ ...context, type: 'MoveUnit', parentId: i.parentId, parent }),
});
