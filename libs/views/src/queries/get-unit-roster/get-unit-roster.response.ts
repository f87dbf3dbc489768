import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, bool, num, obj, str, strOrNull } from '@platform/common';

const STATUS_COUNTS: SchemaObject = obj({ active: num(), mobile: num(), missing: num(), transferred_out: num(), deceased: num() });

/** Counts of a roster: every reader in scope gets these. */
export const ROSTER_FIGURES_PROPERTIES: Record<string, SchemaObject> = {
  counts: STATUS_COUNTS,
  onRoll: num(),
  sought: num(),
};

const SEARCH_CASE: SchemaObject = obj({
  caseId: str(),
  lostSince: str(),
  lastKnown: str(),
  attempts: arr(obj({ attemptId: str(), on: str(), method: str(), result: str() })),
  outcome: str(),
  closedOn: str(),
  note: str(),
});

/** One unit's roster: names only for the unit, the office and administrators */
export const GetUnitRosterAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  unitId: str(),
  name: str(),
  ...ROSTER_FIGURES_PROPERTIES,
  namesShown: bool(),
  members: arr(obj({
    memberId: str(),
    name: str(),
    status: str({ enum: ['active', 'mobile', 'missing', 'transferred_out', 'deceased'] }),
    statusName: str(),
    workplace: strOrNull(),
    toUnit: strOrNull(),
    search: { ...SEARCH_CASE, nullable: true },
    searchesClosed: num(),
    closedSearches: arr(SEARCH_CASE),
  }), { nullable: true }),
});
