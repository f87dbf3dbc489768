import { usersEdge } from '../../identity-commands';
import { UserParams } from '../../users/user-params';
import { enableUser } from './enable-user';

/** Enabling needs no fields; unknown ones are still refused. */
export class EnableUserRequest {}

/** 启用账号 */
export const EnableUserHttpController = usersEdge(enableUser, 'api/users/:userId/enable', {
  operation: { summary: '启用账号 (enable a user)' },
  access: { roles: ['admin'], mode: 'write', units: null },
  params: UserParams, body: EnableUserRequest, input: (p, body) => ({ userId: p.userId, ...body }),
});
