import { usersEdge } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { UserScopeRequest } from '../../users/user-scope.request.dto';
import { changeScope } from './change-scope';

export class ChangeScopeRequest extends UserScopeRequest {}

/** 调整工作范围 */
export const ChangeScopeHttpController = usersEdge(changeScope, 'api/users/:userId/scope', {
  operation: { summary: '调整工作范围 (change a user\'s scope)' },
  access: { roles: ['admin'], mode: 'write', units: null },
  params: UserParams, body: ChangeScopeRequest, input: (p, body) => ({ userId: p.userId, ...body }),
});
