import { fromParams, IsLine, MANAGERS, UnitParams } from '@platform/common';
import { organizationsEdge } from '../../organization-commands';
import { renameUnit } from './rename-unit';

export class RenameUnitRequest {
  @IsLine(100)
  name!: string;
}

/** 组织更名 */
export const RenameUnitHttpController = organizationsEdge(renameUnit, 'api/organizations/:unitId/rename', {
  operation: { summary: '组织更名 (rename a unit)' },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: RenameUnitRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
