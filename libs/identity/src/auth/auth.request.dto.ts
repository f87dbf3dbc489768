import { IsString, Length, Matches } from 'class-validator';

export class SignInRequest {
  @IsString()
  @Length(1, 64)
  username!: string;

  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshTokenRequest {
  @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'refreshToken 格式无效' })
  refreshToken!: string;
}

export class ChangeOwnPasswordRequest {
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @IsString()
  @Length(10, 200, { message: 'newPassword 长度须为 10–200 个字符' })
  newPassword!: string;
}
