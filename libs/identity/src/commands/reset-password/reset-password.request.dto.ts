import { IsString, Length } from 'class-validator';

export class ResetPasswordRequest {
  @IsString()
  @Length(10, 200, { message: 'password 长度须为 10–200 个字符' })
  password!: string;
}
