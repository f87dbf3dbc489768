import type { SchemaObject } from '@nestjs/swagger';
import { arrOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** The published problems of a campaign, without any person's name */
export const ListPublicProblemsAnswer: SchemaObject = obj({
  campaignId: str(),
  campaignName: strOrNull(),
  total: num(),
  problems: arrOrNull(objOrNull({
    problemId: str(),
    source: strOrNull(),
    category: strOrNull(),
    description: strOrNull(),
    responsibleUnitId: str(),
    cycle: numOrNull(),
    status: str(),
    handling: strOrNull(),
    measures: arrOrNull({}),
    timing: strOrNull(),
    deadline: strOrNull(),
    deadlineChanges: arrOrNull({}),
    deferral: {},
    jointParts: arrOrNull({}),
    mechanisms: {},
    responsibleUnitName: strOrNull(),
    sourceName: strOrNull(),
    statusName: strOrNull(),
    handlingName: strOrNull(),
    timingName: strOrNull(),
  })),
}, { required: ['campaignId', 'campaignName', 'problems'] });
