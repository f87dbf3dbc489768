import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class ExcusedMembersRequest {
  /** 流动党员、年老体弱、因病… */
  @IsString()
  @Length(1, 200)
  @NoControlCharacters({ multiline: true })
  reason!: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  count!: number;
}

export class RecordParticipationRequest {
  /** 应参学 */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  shouldAttend!: number;

  /** 实参学 */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attended!: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExcusedMembersRequest)
  excused?: ExcusedMembersRequest[];

  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
