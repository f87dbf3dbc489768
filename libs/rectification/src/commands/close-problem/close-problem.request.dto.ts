import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class CloseProblemRequest {
  /** 防止反弹的长效机制, when the unit built one */
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  mechanisms?: string | null;
}
