import { Matches } from 'class-validator';
import { allOf, fromBody, fromParams, MANAGERS, UnitParams } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import { organizationsEdge } from '../../organization-commands';
import { moveUnit } from './move-unit';

export class MoveUnitRequest {
  @Matches(UNIT_ID_PATTERN, { message: 'parentId 只能包含字母、数字、- 和 _，最长 64 位' })
  parentId!: string;
}

/** 调整隶属关系 */
export const MoveUnitHttpController = organizationsEdge(moveUnit, 'api/organizations/:unitId/move', {
  operation: { summary: '调整隶属关系 (move a unit)' },
  access: { roles: MANAGERS, mode: 'write', units: allOf(fromParams('unitId'), fromBody('parentId')) },
  params: UnitParams, body: MoveUnitRequest, input: (p, body) => ({ unitId: p.unitId, ...body }),
});
