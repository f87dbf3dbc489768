import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, obj } from '@platform/common';
import { SATISFACTION_STANDING_PROPERTIES } from '../get-satisfaction/get-satisfaction.response';

/** A unit's published satisfaction results */
export const GetPublicSatisfactionAnswer: SchemaObject = obj({
  ...SATISFACTION_STANDING_PROPERTIES,
  unitName: { type: 'string', description: '组织名称 (the unit as the masses know it)' },
  results: arrOrNull({}),
}, { required: ['campaignId', 'unitId', 'unitName', 'threshold', 'standing', 'standingName', 'openRound', 'results'] });
