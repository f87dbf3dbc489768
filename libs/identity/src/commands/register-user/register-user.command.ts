import { CommandMeta } from '@platform/common';
import { RegisterUserRequest } from './register-user.request.dto';

export class RegisterUserCommand {
  constructor(readonly meta: CommandMeta, readonly request: RegisterUserRequest) {}
}
