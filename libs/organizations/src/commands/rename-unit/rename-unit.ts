import { streamUseCase } from '@platform/common';
import { organizationDecider, orgStreamId } from '@platform/domain';

export const renameUnit = streamUseCase(organizationDecider)({
  name: 'RenameUnit',
  streamId: (i: { unitId: string; name: string }) => orgStreamId(i.unitId),
  toCommand: (i, _, context) => ({ ...context, type: 'RenameUnit', name: i.name }),
});
