import type { SchemaObject } from '@nestjs/swagger';
import { arr, boolOrNull, numOrNull, obj, str, strOrNull } from '@platform/common';

/** One unit with its ancestors and children */
export const GetUnitAnswer: SchemaObject = obj({
  unitId: str(),
  name: str(),
  level: strOrNull(),
  unitType: strOrNull(),
  parentId: strOrNull(),
  memberCount: numOrNull(),
  closed: boolOrNull(),
  levelName: strOrNull(),
  unitTypeName: strOrNull(),
  ancestorIds: arr(str()),
  childIds: arr(str()),
}, { required: ['unitId', 'name', 'level', 'unitType', 'parentId', 'memberCount', 'closed', 'levelName', 'unitTypeName', 'ancestorIds', 'childIds'] });
