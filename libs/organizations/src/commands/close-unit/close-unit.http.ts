import { fromParams, IsText, MANAGERS, UnitParams } from '@platform/common';
import { organizationsEdge } from '../../organization-commands';
import { closeUnit } from './close-unit';

export class CloseUnitRequest {
  @IsText(500)
  reason!: string;
}

/** 撤销组织 */
export const CloseUnitHttpController = organizationsEdge(closeUnit, 'api/organizations/:unitId/close', {
  operation: { summary: '撤销组织 (close a unit)' },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: CloseUnitRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
