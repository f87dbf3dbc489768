import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { ROSTER_FIGURES_PROPERTIES } from '../get-unit-roster/get-unit-roster.response';
import { arr, num, obj, str, strOrNull } from '@platform/common';

/** Roster counts per unit and rolled up the tree: never a name */
export const GetRosterCountsAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  units: arr(obj({ unitId: str(), name: str(), level: strOrNull(), parentId: strOrNull(), ...ROSTER_FIGURES_PROPERTIES })),
  rollups: arr(obj({ unitId: str(), name: str(), level: str(), levelName: str(), units: num(), ...ROSTER_FIGURES_PROPERTIES })),
  overall: obj({ units: num(), ...ROSTER_FIGURES_PROPERTIES }),
});
