import type { SchemaObject } from '@nestjs/swagger';
import { arr, boolOrNull, obj, str, strOrNull } from '@platform/common';

/** A user as the user list and the user's page show it; the signed-in user's answer leaves out `disabled`. */
export const USER_PROPERTIES: Record<string, SchemaObject> = {
  userId: str(),
  username: strOrNull(),
  displayName: strOrNull(),
  role: strOrNull(),
  disabled: boolOrNull(),
  unitId: str({ nullable: true, description: '本单位' }),
  scopeUnitIds: arr(str()),
  contactPointUnitIds: arr(str()),
};

/** One user */
export const GetUserAnswer: SchemaObject = obj(USER_PROPERTIES, { required: ['userId', 'username', 'displayName', 'role', 'disabled', 'scopeUnitIds', 'contactPointUnitIds'] });
