import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class ConcludeUnitRequest {
  /** 总结 */
  @IsString()
  @Length(1, 10000)
  @NoControlCharacters({ multiline: true })
  summary!: string;

  /** For templates with outcomes (demonstration points: named | eliminated) */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'outcome 须为模板中的结果编码' })
  outcome?: string;
}
