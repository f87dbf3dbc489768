import { IsString, Length } from 'class-validator';

export class DisableUserRequest {
  @IsString()
  @Length(1, 500)
  reason!: string;
}
