import type { SchemaObject } from '@nestjs/swagger';
import { arr, obj, str, strOrNull } from '@platform/common';

/** The signed-in user */
export const CurrentUserAnswer: SchemaObject = obj({
  userId: str(),
  username: strOrNull(),
  displayName: strOrNull(),
  role: strOrNull(),
  unitId: str({ nullable: true, description: '本单位' }),
  scopeUnitIds: arr(str()),
  contactPointUnitIds: arr(str()),
}, { required: ['userId', 'username', 'displayName', 'role', 'scopeUnitIds', 'contactPointUnitIds'] });
