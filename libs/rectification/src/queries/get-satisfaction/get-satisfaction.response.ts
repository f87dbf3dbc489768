import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, numOrNull, obj, str, strOrNull } from '@platform/common';

/** A unit's satisfaction rounds and standing */
export const GetSatisfactionAnswer: SchemaObject = obj({
  campaignId: str(),
  unitId: str(),
  threshold: numOrNull(),
  standing: strOrNull(),
  standingName: strOrNull(),
  openRound: {},
  rounds: arrOrNull({}),
  revision: num(),
}, { required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'rounds', 'revision'] });
