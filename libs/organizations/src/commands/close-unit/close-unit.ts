import { streamUseCase } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';
import { TreeFacts } from '../../organization-commands';

export const closeUnit = streamUseCase(organizationDecider)({
  name: 'CloseUnit',
  streamId: (i: { unitId: string; reason: string }) => orgStreamId(i.unitId),
  facts: async (i, ports: TreeFacts) => (await ports.tree()).openChildCount(i.unitId),
  toCommand: (i, openChildren, context) => ({ ...context, type: 'CloseUnit', reason: i.reason, openChildren }),
});
