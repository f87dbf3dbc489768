import { IsString, Length } from 'class-validator';

export class RenameUnitRequest {
  @IsString()
  @Length(1, 100)
  name!: string;
}
