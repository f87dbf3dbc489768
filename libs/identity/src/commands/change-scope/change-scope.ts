import { streamUseCase } from '@platform/common';
import { userDecider, userStreamId } from '@platform/domain';
import { TreeFacts } from '@platform/organizations';
import type { ChangeScopeRequest } from './change-scope.http';

export const changeScope = streamUseCase(userDecider)({
  name: 'ChangeScope',
  streamId: (i: { userId: string } & ChangeScopeRequest) => userStreamId(i.userId),
  facts: async (i, ports: TreeFacts) => {
    const tree = await ports.tree();
    return [...new Set([...i.scopeUnitIds, ...(i.contactPointUnitIds ?? [])])].filter((id) => !tree.has(id));
  },
  toCommand: (i, unknownUnitIds, context) => ({
    ...context,
    type: 'ChangeScope',
    scopeUnitIds: i.scopeUnitIds,
    contactPointUnitIds: i.contactPointUnitIds ?? [],
    unknownUnitIds,
  }),
});
