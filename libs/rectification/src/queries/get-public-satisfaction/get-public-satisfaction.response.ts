import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, numOrNull, obj, str, strOrNull } from '@platform/common';

/** A unit's published satisfaction results */
export const GetPublicSatisfactionAnswer: SchemaObject = obj({
  campaignId: str(),
  unitId: str(),
  threshold: numOrNull(),
  standing: strOrNull(),
  standingName: strOrNull(),
  openRound: {},
  results: arrOrNull({}),
}, { required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'results'] });
