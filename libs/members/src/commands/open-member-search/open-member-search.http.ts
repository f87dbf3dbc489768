import { IsISO8601 } from 'class-validator';
import { fromParams, IsId, IsText } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { openMemberSearch } from './open-member-search';

export class OpenMemberSearchRequest {
  /** 查找案编号 */
  @IsId()
  caseId!: string;

  /** 最后联系情况 */
  @IsText(500)
  lastKnown!: string;

  /** 失联日期 YYYY-MM-DD */
  @IsISO8601({ strict: true }, { message: 'lostSince 须为日期 YYYY-MM-DD' })
  lostSince!: string;
}

export const OpenMemberSearchHttpController = memberRosterEdge(openMemberSearch, 'api/units/:unitId/members/:memberId/search', {
  operation: { summary: '登记失联党员，开始查找 (open a search for a lost member)', description: '查找党员：登记失联党员（最后联系情况、失联日期），状态变为失联（查找中）' },
  example: { summary: '失联 (lost contact)', value: { caseId: 'case-2026-01', lastKnown: '2023 年外出务工后失去联系', lostSince: '2023-05-01' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitMemberParams, body: OpenMemberSearchRequest, input: (p, body) => ({ unitId: p.unitId, memberId: p.memberId, ...body }),
});
