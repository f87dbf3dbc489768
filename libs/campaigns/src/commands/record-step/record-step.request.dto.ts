import { IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MaxDecimalPlaces, NoControlCharacters } from '@platform/common';

const KEY = /^[a-z][a-z0-9_-]{0,63}$/;

export class RecordStepRequest {
  @Matches(KEY, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @Matches(KEY, { message: 'stepKey 须为模板中的步骤编码' })
  stepKey!: string;

  /** 完成情况说明 */
  @IsString()
  @Length(1, 5000)
  @NoControlCharacters({ multiline: true })
  evidence!: string;

  /** Reference of an uploaded file (minutes, photos, sign-in sheet) */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @NoControlCharacters()
  attachmentRef?: string;

  /** Study hours or members located, for steps that measure one */
  @IsOptional()
  @IsNumber()
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1_000_000)
  quantity?: number;

  /** When it happened; defaults to now; may not be in the future */
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
