import { IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class RejectTransitionRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  /** 退回理由 */
  @IsString()
  @Length(1, 2000)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}
