import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA, BOARD_BASIS_PROPERTIES } from '../shared-schemas';
import { arrOrNull, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

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
  })),
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
