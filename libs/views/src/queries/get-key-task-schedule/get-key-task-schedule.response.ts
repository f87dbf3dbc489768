import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, bool, num, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

const COUNTS: SchemaObject = obj({ done: num(), on_track: num(), behind: num(), not_reported: num() });

const STOCK_TAKE: Record<string, SchemaObject> = {
  stockTakeId: str(),
  label: str(),
  dueOn: str(),
  open: bool(),
};

/** One key task's schedule at a stock-take: per unit standing and ranking, roll-ups, the series (a notice freezes the same shape) */
export const KeyTaskScheduleSchema: SchemaObject = obj({
  task: obj({
    taskId: str(),
    title: str(),
    description: strOrNull(),
    measuresOfDone: arr(str()),
    deadline: str(),
    target: objOrNull({ quantity: num(), unit: str() }),
    definedAt: strOrNull(),
  }),
  stockTakes: arr(obj({ ...STOCK_TAKE, counts: COUNTS })),
  stockTake: objOrNull({ ...STOCK_TAKE, expectedShare: num() }),
  statusNames: objOrNull(),
  rankRule: strOrNull(),
  total: num(),
  counts: COUNTS,
  rows: arr(obj({
    rank: num(),
    unitId: str(),
    name: str(),
    levelName: strOrNull(),
    parentId: strOrNull(),
    responsible: str(),
    status: str({ enum: ['done', 'on_track', 'behind', 'not_reported'] }),
    statusName: str(),
    value: numOrNull(),
    target: numOrNull(),
    share: numOrNull(),
    report: objOrNull(),
    history: arr(obj({ stockTakeId: str(), status: str() })),
  })),
  rollups: arr(obj({
    unitId: str(),
    name: str(),
    level: str(),
    levelName: str(),
    parts: num(),
    counts: COUNTS,
    onTrackShare: numOrNull(),
    rank: num(),
  })),
}, { required: ['task', 'stockTakes', 'stockTake', 'total', 'counts', 'rows', 'rollups'] });

export const GetKeyTaskScheduleAnswer: SchemaObject = obj({ asOf: AS_OF_SCHEMA, ...KeyTaskScheduleSchema.properties }, { required: ['asOf', ...(KeyTaskScheduleSchema.required ?? [])] });
