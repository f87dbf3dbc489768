import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA, BOARD_BASIS_PROPERTIES } from '../shared-schemas';
import { arr, arrOrNull, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** The progress board with its roll-ups and ranking */
export const GetProgressBoardAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  campaign: objOrNull({
    campaignId: str(),
    name: str(),
    batch: numOrNull(),
    templateName: strOrNull(),
    phases: arrOrNull(objOrNull()),
  }),
  ...BOARD_BASIS_PROPERTIES,
  rows: arrOrNull(objOrNull({
    rank: numOrNull(),
    unitId: str(),
    name: str(),
    level: strOrNull(),
    unitType: strOrNull(),
    unitTypeName: strOrNull(),
    parentId: strOrNull(),
    stage: strOrNull(),
    stageName: strOrNull(),
    phase: objOrNull(),
    transition: objOrNull(),
    satisfaction: objOrNull(),
    outcome: {},
    unitCount: numOrNull(),
    makeUpUnits: numOrNull(),
    problemsByHandling: objOrNull(),
    counts: objOrNull(),
    metrics: objOrNull(),
    /** roster: the participation rate is computed from the unit's member roster; reported: from the counts it reported */
    participationSource: strOrNull({ enum: ['roster', 'reported'] }),
  })),
  children: arr(
    obj(
      {
        unitId: str(),
        name: str(),
        rollup: objOrNull(undefined, { description: '下级为市、县、乡镇时其汇总' }),
        row: objOrNull(undefined, { description: '下级本身是参加组织时其看板行' }),
        stages: arr(obj({ key: str(), name: str(), count: num() }, { required: ['key', 'name', 'count'] })),
      },
      { required: ['unitId', 'name', 'rollup', 'row', 'stages'] },
    ),
    { description: '根组织的直接下级（有参加组织的）：汇总或本组织的行，以及其下各阶段的组织数（阶段分布图），按全部排名行计算，不受分页影响' },
  ),
  rollups: arrOrNull(objOrNull({
    unitId: str(),
    name: str(),
    level: strOrNull(),
    levelName: strOrNull(),
    unitCount: numOrNull(),
    makeUpUnits: numOrNull(),
    problemsByHandling: objOrNull(),
    counts: objOrNull(),
    metrics: objOrNull(),
  }), { description: '根组织的汇总（未指定根且有多个顶层组织时为各顶层组织的）；下级的汇总见 children，逐级的全部汇总见导出' }),
  overall: objOrNull({
    unitCount: numOrNull(),
    makeUpUnits: numOrNull(),
    problemsByHandling: objOrNull({
      being_rectified: numOrNull(),
      by_deadline: numOrNull(),
      deferred: numOrNull(),
      joint: numOrNull(),
      solved: numOrNull(),
    }),
    counts: objOrNull({
      participation: objOrNull(),
      steps: objOrNull(),
      problems: objOrNull(),
      ballots: objOrNull(),
      rechecks: objOrNull(),
    }),
    metrics: objOrNull({
      metricsVersion: numOrNull(),
      participationRate: {},
      stepCompletion: numOrNull(),
      satisfactionRate: {},
      reboundRate: {},
      completionRate: numOrNull(),
      onTimeRate: {},
    }),
  }),
  skip: numOrNull(),
  limit: numOrNull(),
}, { required: ['asOf', 'campaign', 'metricsVersion', 'metricsDefinition', 'rankBy', 'rankByName', 'tieBreak', 'filters', 'rows', 'rollups', 'overall'] });
