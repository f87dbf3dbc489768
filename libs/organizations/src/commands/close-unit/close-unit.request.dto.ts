import { IsString, Length } from 'class-validator';

export class CloseUnitRequest {
  @IsString()
  @Length(1, 500)
  reason!: string;
}
