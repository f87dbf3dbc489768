import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, numOrNull, obj, str, strOrNull } from '@platform/common';

/** A unit's standing in a campaign's satisfaction rounds: what the organizers and the public page both show. */
export const SATISFACTION_STANDING_PROPERTIES: Record<string, SchemaObject> = {
  campaignId: str(),
  unitId: str(),
  threshold: numOrNull(),
  standing: strOrNull(),
  standingName: strOrNull(),
  openRound: {},
};

/** A unit's satisfaction rounds and standing */
export const GetSatisfactionAnswer: SchemaObject = obj({
  ...SATISFACTION_STANDING_PROPERTIES,
  rounds: arrOrNull({}),
  revision: num(),
}, { required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'rounds', 'revision'] });
