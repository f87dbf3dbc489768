import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Role, USERNAME_PATTERN } from '@platform/domain';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const GRANTABLE_ROLES: Role[] = ['admin', 'office', 'operator', 'inspector', 'leader'];

export class RegisterUserRequest {
  @Matches(ID, { message: 'userId 只能包含字母、数字、- 和 _，最长 64 位' })
  userId!: string;

  /** 登录名: 3–32 lower-case letters, digits, - or _ */
  @Matches(USERNAME_PATTERN, { message: 'username 为 3–32 位小写字母、数字、- 或 _' })
  username!: string;

  /** 姓名 */
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @IsIn(GRANTABLE_ROLES)
  role!: Role;

  /** Roots of the subtrees the user works in */
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(ID, { each: true, message: 'scopeUnitIds 中每项只能包含字母、数字、- 和 _' })
  scopeUnitIds!: string[];

  /** A leader's contact points (联系点) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(ID, { each: true, message: 'contactPointUnitIds 中每项只能包含字母、数字、- 和 _' })
  contactPointUnitIds?: string[];

  /** At least 10 characters */
  @IsString()
  @Length(10, 200, { message: 'password 长度须为 10–200 个字符' })
  password!: string;
}
