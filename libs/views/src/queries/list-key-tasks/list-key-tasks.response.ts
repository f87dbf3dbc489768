import type { SchemaObject } from '@nestjs/swagger';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, num, obj, objOrNull, str } from '@platform/common';

/** The key tasks touching the reader's units */
export const ListKeyTasksAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  total: num(),
  tasks: arr(obj({
    taskId: str(),
    title: str(),
    deadline: str(),
    definedAt: str(),
    target: objOrNull({ quantity: num(), unit: str() }),
    unitCount: num(),
    stockTakeCount: num(),
    latest: objOrNull(),
  })),
}, { required: ['asOf', 'total', 'tasks'] });
