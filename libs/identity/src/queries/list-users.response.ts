import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, obj, objOrNull } from '@platform/common';
import { USER_PROPERTIES } from './get-user.response';

/** Every user */
export const ListUsersAnswer: SchemaObject = obj({
  total: num(),
  users: arrOrNull(objOrNull(USER_PROPERTIES)),
}, { required: ['users'] });
