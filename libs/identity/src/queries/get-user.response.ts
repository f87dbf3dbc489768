import type { SchemaObject } from '@nestjs/swagger';
import { arr, boolOrNull, obj, str, strOrNull } from '@platform/common';

/** One user */
export const GetUserAnswer: SchemaObject = obj({
  userId: str(),
  username: strOrNull(),
  displayName: strOrNull(),
  role: strOrNull(),
  disabled: boolOrNull(),
  unitId: str({ nullable: true, description: '本单位' }),
  scopeUnitIds: arr(str()),
  contactPointUnitIds: arr(str()),
}, { required: ['userId', 'username', 'displayName', 'role', 'disabled', 'scopeUnitIds', 'contactPointUnitIds'] });
