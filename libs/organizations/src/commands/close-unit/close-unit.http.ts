import { IsString, Length } from 'class-validator';
import { commandEdge, fromParams, MANAGERS, NoControlCharacters, UnitParams } from '@platform/common';
import { OrganizationCommands } from '../../organization-commands';
import { closeUnit } from './close-unit';

export class CloseUnitRequest {
  @IsString()
  @Length(1, 500)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

/** 撤销组织 */
export const CloseUnitHttpController = commandEdge(OrganizationCommands, closeUnit, {
  tag: 'organizations 组织', post: 'api/organizations/:unitId/close',
  operation: { summary: '撤销组织 (close a unit)' },
  access: { roles: MANAGERS, mode: 'write', units: fromParams('unitId') },
  params: UnitParams, body: CloseUnitRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
