import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class ApplyForTransitionRequest {
  /** The phase the unit wants to leave */
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  @NoControlCharacters({ multiline: true })
  note?: string;
}
