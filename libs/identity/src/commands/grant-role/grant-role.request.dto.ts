import { IsIn } from 'class-validator';
import { Role } from '@platform/domain';
import { GRANTABLE_ROLES } from '../register-user/register-user.request.dto';

export class GrantRoleRequest {
  @IsIn(GRANTABLE_ROLES)
  role!: Role;
}
