import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, obj } from '@platform/common';
import { SATISFACTION_STANDING_PROPERTIES } from '../get-satisfaction/get-satisfaction.response';

/** A unit's published satisfaction results */
export const GetPublicSatisfactionAnswer: SchemaObject = obj({
  ...SATISFACTION_STANDING_PROPERTIES,
  results: arrOrNull({}),
}, { required: ['campaignId', 'unitId', 'threshold', 'standing', 'standingName', 'openRound', 'results'] });
