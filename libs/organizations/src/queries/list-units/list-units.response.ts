import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, boolOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** The units in the reader's scope */
export const ListUnitsAnswer: SchemaObject = obj({
  total: num(),
  units: arrOrNull(objOrNull({
    unitId: str(),
    name: str(),
    level: strOrNull(),
    unitType: strOrNull(),
    parentId: {},
    memberCount: numOrNull(),
    closed: boolOrNull(),
    levelName: strOrNull(),
    unitTypeName: strOrNull(),
  })),
}, { required: ['units'] });
