import { streamUseCase } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';

export const changeMemberCount = streamUseCase(organizationDecider)({
  name: 'ChangeMemberCount',
  streamId: (i: { unitId: string; memberCount: number }) => orgStreamId(i.unitId),
  toCommand: (i, _, context) => ({ ...context, type: 'ChangeMemberCount', memberCount: i.memberCount }),
});
