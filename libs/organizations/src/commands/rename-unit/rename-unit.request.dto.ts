import { IsString, Length } from 'class-validator';
import { NoControlCharacters } from '@platform/common';

export class RenameUnitRequest {
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  name!: string;
}
