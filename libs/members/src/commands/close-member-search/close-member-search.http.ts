import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { SEARCH_OUTCOMES, SearchOutcome } from '@platform/domain';
import { fromParams, IsOptionalLine, IsText } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { closeMemberSearch } from './close-member-search';

export class CloseMemberSearchRequest {
  /** 找到、已去世、已转出 */
  @IsIn(SEARCH_OUTCOMES, { message: 'outcome 须为 found、deceased 或 transferred_out' })
  outcome!: SearchOutcome;

  /** 找到后的状态：正常或流动党员（仅 found） */
  @IsOptional()
  @IsIn(['active', 'mobile'], { message: 'to 须为 active 或 mobile' })
  to?: 'active' | 'mobile';

  /** 流入地（找到且为流动党员时必填） */
  @IsOptionalLine(100)
  workplace?: string;

  /** 结案日期 YYYY-MM-DD */
  @IsISO8601({ strict: true }, { message: 'on 须为日期 YYYY-MM-DD' })
  on!: string;

  /** 结案说明 */
  @IsText(500)
  note!: string;
}

export const CloseMemberSearchHttpController = memberRosterEdge(closeMemberSearch, 'api/units/:unitId/members/:memberId/search/close', {
  operation: { summary: '查找结案 (close a member search)', description: '查找党员结案：找到（登记为正常或流动党员）、已去世或已转出' },
  example: { summary: '已找到 (found)', value: { outcome: 'found', to: 'mobile', workplace: '广东省广州市', on: '2026-03-10', note: '已取得联系，按流动党员管理' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitMemberParams, body: CloseMemberSearchRequest, input: (p, body) => ({ unitId: p.unitId, memberId: p.memberId, ...body }),
});
