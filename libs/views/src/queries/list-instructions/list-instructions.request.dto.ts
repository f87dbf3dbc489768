import { IsIn, IsOptional } from 'class-validator';
import { MAX_QUERY_INTEGER, IsOptionalInteger, IsOptionalId } from '@platform/common';
import { INSTRUCTION_TARGET_KINDS, InstructionTargetKind } from '@platform/domain';
import { IsOptionalFlag } from '../../shared/view-query.request.dto';

export class ListInstructionsRequest {
  /** 批示对象类型（与 targetId 同用） */
  @IsOptional()
  @IsIn(INSTRUCTION_TARGET_KINDS, { message: 'targetKind 须为 problem、unit 或 notice' })
  targetKind?: InstructionTargetKind;

  @IsOptionalId()
  targetId?: string;

  /** 只看交该单位落实的批示 */
  @IsOptionalId()
  unitId?: string;

  /** true: 只看尚有单位未报告落实情况的 */
  @IsOptionalFlag({ message: 'open 须为 true 或 false' })
  open?: boolean;

  @IsOptionalInteger(0, MAX_QUERY_INTEGER)
  skip?: number;

  /** 每页条数，默认 20，最多 200 */
  @IsOptionalInteger(1, 200)
  limit?: number;
}
