import { IsIn } from 'class-validator';
import { Role } from '@platform/domain';
import { usersEdge } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { GRANTABLE_ROLES } from '../register-user/register-user.http';
import { grantRole } from './grant-role';

export class GrantRoleRequest {
  @IsIn(GRANTABLE_ROLES)
  role!: Role;
}

/** 授予角色 */
export const GrantRoleHttpController = usersEdge(grantRole, 'api/users/:userId/role', {
  operation: { summary: '授予角色 (grant a role)' },
  access: { roles: ['admin'], mode: 'write', units: null },
  params: UserParams, body: GrantRoleRequest, input: (p, body) => ({ userId: p.userId, ...body }),
});
