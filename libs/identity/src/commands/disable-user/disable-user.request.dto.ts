import { IsString, Length } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class DisableUserRequest {
  @IsString()
  @Length(1, 500)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}
