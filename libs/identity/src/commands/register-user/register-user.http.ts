import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsId, IsLine, IsOptionalId } from '@platform/common';
import { Role, USERNAME_PATTERN } from '@platform/domain';
import { usersEdge } from '../../identity-commands';
import { UserScopeRequest } from '../../users/user-scope.request.dto';
import { registerUser } from './register-user';

export const GRANTABLE_ROLES: Role[] = ['admin', 'office', 'operator', 'inspector', 'leader'];

export class RegisterUserRequest extends UserScopeRequest {
  @IsId()
  userId!: string;

  /** 登录名: 3–32 lower-case letters, digits, - or _ */
  @Matches(USERNAME_PATTERN, { message: 'username 为 3–32 位小写字母、数字、- 或 _' })
  username!: string;

  /** 姓名 */
  @IsLine(100)
  displayName!: string;

  @IsIn(GRANTABLE_ROLES)
  role!: Role;

  /**
   * 本单位: the unit the user belongs to, which deciders take as the actor's unit (an operator
   * registers and works on its problems; nobody verifies or supervises it). Left out: an operator's
   * or leader's single scope unit, otherwise none (a supervision group belongs to no unit it watches).
   */
  @IsOptionalId()
  unitId?: string;

  /** At least 10 characters */
  @IsString()
  @Length(10, 200, { message: 'password 长度须为 10–200 个字符' })
  password!: string;
}

export const RegisterUserHttpController = usersEdge(registerUser, 'api/users', {
  operation: { summary: '新建用户 (register a user)', description: '新建用户：角色、本单位、工作范围（组织子树）与初始密码' },
  access: { roles: ['admin'], mode: 'write', units: null },
  body: RegisterUserRequest, input: (_p, body) => (body),
});
