import { IsISO8601 } from 'class-validator';
import { fromParams, IsId, IsLine, IsText } from '@platform/common';
import { memberRosterEdge } from '../../member-commands';
import { UnitMemberParams } from '../../member-params';
import { recordSearchAttempt } from './record-search-attempt';

export class RecordSearchAttemptRequest {
  /** 查找记录编号 */
  @IsId()
  attemptId!: string;

  /** 查找日期 YYYY-MM-DD */
  @IsISO8601({ strict: true }, { message: 'on 须为日期 YYYY-MM-DD' })
  on!: string;

  /** 查找方式（联系家属、发函、网上查询…） */
  @IsLine(200)
  method!: string;

  /** 查找结果 */
  @IsText(500)
  result!: string;
}

export const RecordSearchAttemptHttpController = memberRosterEdge(recordSearchAttempt, 'api/units/:unitId/members/:memberId/search/attempts', {
  operation: { summary: '记录一次查找 (record a search attempt)', description: '查找党员：记录一次查找的日期、方式和结果' },
  example: { summary: '联系家属 (asked the family)', value: { attemptId: 'a-1', on: '2026-03-02', method: '联系家属', result: '家属称其在广州务工，已留下电话' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: UnitMemberParams, body: RecordSearchAttemptRequest, input: (p, body) => ({ unitId: p.unitId, memberId: p.memberId, ...body }),
});
