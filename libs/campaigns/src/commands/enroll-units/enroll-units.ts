import { streamUseCase } from '@platform/common';
import { campaignDecider, campaignStreamId } from '@platform/domain';
import { TreeFacts } from '@platform/organizations';
import type { EnrollUnitsRequest } from './enroll-units.http';

export const enrollUnits = streamUseCase(campaignDecider)({
  name: 'EnrollUnits',
  streamId: (i: { campaignId: string } & EnrollUnitsRequest) => campaignStreamId(i.campaignId),
  facts: async (i, ports: TreeFacts) => {
    const tree = await ports.tree();
    return i.unitIds.map((id) => tree.unitFacts(id));
  },
  toCommand: (_, units, context) => ({ type: 'EnrollUnits', ...context, units }),
});
