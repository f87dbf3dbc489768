import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, obj, objOrNull, str, strOrNull } from '@platform/common';
import { PUBLIC_PROBLEM_PROPERTIES } from '@platform/rectification';

/** The published problems of a campaign, without any person's name */
export const ListPublicProblemsAnswer: SchemaObject = obj({
  campaignId: str(),
  campaignName: strOrNull(),
  total: num(),
  problems: arrOrNull(objOrNull({ ...PUBLIC_PROBLEM_PROPERTIES, measures: arrOrNull({}) })),
}, { required: ['campaignId', 'campaignName', 'problems'] });
