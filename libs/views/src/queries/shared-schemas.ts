import type { SchemaObject } from '@nestjs/swagger';
import { arr, arrOrNull, boolOrNull, int, intOrNull, num, numOrNull, objOrNull, positionToken, str, strOrNull } from '@platform/common';

/** The moment a view answers for: its position token (pass it back as asOf), its time, and how far behind a stale answer is. */
export const AS_OF_SCHEMA: SchemaObject = objOrNull({
  position: positionToken(),
  at: strOrNull(),
  stale: objOrNull({
    events: intOrNull({ description: '答复缺少的事件数；事件库无法计数时为 null (events the answer misses; null where the store cannot count them)' }),
    ms: int({ description: '落后的时间（毫秒） (how far behind, in ms)' }),
    checkpoint: positionToken(),
    message: str(),
  }, { required: ['events', 'ms', 'checkpoint', 'message'] }),
}, { required: ['position', 'at', 'stale'] });

/** Who acted, so that a reader need not know the platform's own user ids: `platform` for its jobs ("system", "system-<job>"). */
export const ACTOR_KIND_SCHEMA: SchemaObject = str({
  enum: ['user', 'platform'],
  description: '操作人类别：user 为用户（含群众投票），platform 为平台自身的任务（用户编号 system、system-…） (user: a person; platform: the platform\'s own jobs)',
});

/** One ledger entry as the tracker lists it and a problem's timeline heads it. */
export const TRACKED_PROBLEM_PROPERTIES: Record<string, SchemaObject> = {
  problemId: str(),
  campaignId: str(),
  campaignIds: arr(str()),
  responsibleUnitId: str(),
  responsibleUnitName: strOrNull(),
  source: strOrNull(),
  sourceName: strOrNull(),
  category: strOrNull(),
  description: strOrNull(),
  responsibleLeader: strOrNull(),
  handler: strOrNull(),
  cycle: numOrNull(),
  status: str(),
  statusName: strOrNull(),
  handling: strOrNull(),
  handlingName: strOrNull(),
  timing: strOrNull(),
  timingName: strOrNull(),
  measures: arrOrNull(str()),
  deadline: strOrNull(),
  published: boolOrNull(),
  deferral: {},
  joint: {},
  rechecks: arrOrNull({}),
  registeredAt: strOrNull(),
  fixedAt: {},
  verifiedAt: {},
  closedAt: {},
  closedOnTime: {},
  lastChangedAt: strOrNull(),
  daysLeft: numOrNull(),
  warningLevel: strOrNull(),
  warningLevelName: strOrNull(),
  overdue: boolOrNull(),
};

/** How a ranked board was computed (metrics and handling definitions, ranking, filters): the live board and a notice's frozen snapshot both say it. */
export const BOARD_BASIS_PROPERTIES: Record<string, SchemaObject> = {
  metricsVersion: numOrNull(),
  metricsDefinition: strOrNull(),
  handlingVersion: num({ description: '五类问题分类口径版本（第1版的看板和通报不含此项）' }),
  handlingDefinition: str(),
  rankBy: strOrNull(),
  rankByName: strOrNull(),
  tieBreak: strOrNull(),
  filters: objOrNull({ root: {}, unitType: {}, phaseKey: {}, stage: {} }),
  total: num(),
};
