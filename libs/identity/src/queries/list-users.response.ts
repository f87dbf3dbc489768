import type { SchemaObject } from '@nestjs/swagger';
import { arr, arrOrNull, boolOrNull, num, obj, objOrNull, str, strOrNull } from '@platform/common';

/** Every user */
export const ListUsersAnswer: SchemaObject = obj({
  total: num(),
  users: arrOrNull(objOrNull({
    userId: str(),
    username: strOrNull(),
    displayName: strOrNull(),
    role: strOrNull(),
    disabled: boolOrNull(),
    unitId: str({ nullable: true, description: '本单位' }),
    scopeUnitIds: arr(str()),
    contactPointUnitIds: arr(str()),
  })),
}, { required: ['users'] });
