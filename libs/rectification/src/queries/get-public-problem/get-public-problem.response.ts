import type { SchemaObject } from '@nestjs/swagger';
import { arr, arrOrNull, numOrNull, obj, str, strOrNull } from '@platform/common';

/** A published problem's fields, as its page and the campaign's public list show them (never a person's name). */
export const PUBLIC_PROBLEM_PROPERTIES: Record<string, SchemaObject> = {
  problemId: str(),
  source: strOrNull(),
  category: strOrNull(),
  description: strOrNull(),
  responsibleUnitId: str(),
  cycle: numOrNull(),
  status: str(),
  handling: strOrNull(),
  measures: arrOrNull(strOrNull()),
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
};

/** One published problem, without any person's name */
export const GetPublicProblemAnswer: SchemaObject = obj({
  ...PUBLIC_PROBLEM_PROPERTIES,
  files: arr(str({ pattern: '^[0-9a-f]{64}$' }), { description: '可公开下载的整改资料（SHA-256） (files of the published round)' }),
}, { required: ['problemId', 'source', 'category', 'description', 'responsibleUnitId', 'cycle', 'status', 'handling', 'measures', 'timing', 'deadline', 'deadlineChanges', 'deferral', 'jointParts', 'mechanisms', 'responsibleUnitName', 'sourceName', 'statusName', 'handlingName', 'timingName', 'files'] });
