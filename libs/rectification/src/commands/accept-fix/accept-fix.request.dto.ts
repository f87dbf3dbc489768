import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AcceptFixRequest {
  /** 验收意见 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}
