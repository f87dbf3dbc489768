import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Role, USERNAME_PATTERN } from '@platform/domain';
import { IsId, NoControlCharacters } from '@platform/common';
import { UserScopeRequest } from '../../user-scope.request.dto';

export const GRANTABLE_ROLES: Role[] = ['admin', 'office', 'operator', 'inspector', 'leader'];

export class RegisterUserRequest extends UserScopeRequest {
  @IsId()
  userId!: string;

  /** 登录名: 3–32 lower-case letters, digits, - or _ */
  @Matches(USERNAME_PATTERN, { message: 'username 为 3–32 位小写字母、数字、- 或 _' })
  username!: string;

  /** 姓名 */
  @IsString()
  @Length(1, 100)
  @NoControlCharacters()
  displayName!: string;

  @IsIn(GRANTABLE_ROLES)
  role!: Role;

  /** At least 10 characters */
  @IsString()
  @Length(10, 200, { message: 'password 长度须为 10–200 个字符' })
  password!: string;
}
