import type { SchemaObject } from '@nestjs/swagger';

/** The moment a view answers for, when it was asked "as of" one; null for the live view. */
export const AS_OF_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { position: { type: 'number' }, at: { type: 'string' } },
  nullable: true,
};

/** One ledger entry as the tracker lists it and a problem's timeline heads it. */
export const TRACKED_PROBLEM_PROPERTIES: Record<string, SchemaObject> = {
  problemId: { type: 'string' },
  campaignId: { type: 'string' },
  campaignIds: { type: 'array', items: { type: 'string' } },
  responsibleUnitId: { type: 'string' },
  responsibleUnitName: { type: 'string', nullable: true },
  source: { type: 'string', nullable: true },
  sourceName: { type: 'string', nullable: true },
  category: { type: 'string', nullable: true },
  description: { type: 'string', nullable: true },
  responsibleLeader: { type: 'string', nullable: true },
  handler: { type: 'string', nullable: true },
  cycle: { type: 'number', nullable: true },
  status: { type: 'string' },
  statusName: { type: 'string', nullable: true },
  handling: { type: 'string', nullable: true },
  handlingName: { type: 'string', nullable: true },
  timing: { type: 'string', nullable: true },
  timingName: { type: 'string', nullable: true },
  measures: { type: 'array', items: { type: 'string' }, nullable: true },
  deadline: { type: 'string', nullable: true },
  published: { type: 'boolean', nullable: true },
  deferral: {},
  joint: {},
  rechecks: { type: 'array', items: {}, nullable: true },
  registeredAt: { type: 'string', nullable: true },
  fixedAt: {},
  verifiedAt: {},
  closedAt: {},
  closedOnTime: {},
  lastChangedAt: { type: 'string', nullable: true },
  daysLeft: { type: 'number', nullable: true },
  warningLevel: { type: 'string', nullable: true },
  warningLevelName: { type: 'string', nullable: true },
  overdue: { type: 'boolean', nullable: true },
};
