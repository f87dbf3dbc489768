import { IsId } from '@platform/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsText } from '../../http/request-rules';


/** One participating unit's share of the work. */
export class JointPartRequestBody {
  @IsId()
  partId!: string;

  @IsId()
  unitId!: string;

  @IsText(2000)
  description!: string;

  @IsCalendarDate()
  deadline!: string;
}

export class EscalateToJointRequest {
  /** 牵头单位: a unit above the responsible unit (上级党委) */
  @IsId()
  coordinatorUnitId!: string;

  /** Why it needs comprehensive handling (需要综合治理) */
  @IsText(2000)
  reason!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => JointPartRequestBody)
  parts!: JointPartRequestBody[];
}
