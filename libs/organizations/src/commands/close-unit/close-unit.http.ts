import { IsString, Length } from 'class-validator';
import { fromParams, MANAGERS, NoControlCharacters, UnitParams } from '@platform/common';
import { organizationsEdge } from '../../organization-commands';
import { closeUnit } from './close-unit';

export class CloseUnitRequest {
  @IsString()
  @Length(1, 500)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

/** 撤销组织 */
export const CloseUnitHttpController = organizationsEdge(closeUnit, 'api/organizations/:unitId/close', {
  operation: { summary: '撤销组织 (close a unit)' },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: CloseUnitRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
