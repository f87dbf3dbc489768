import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class AcceptFixRequest {
  /** 验收意见 */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  comment?: string;
}
