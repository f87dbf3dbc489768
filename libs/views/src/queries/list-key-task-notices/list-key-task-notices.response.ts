import type { SchemaObject } from '@nestjs/swagger';
import { ListNoticesAnswer } from '../list-notices/list-notices.response';

const notices = ListNoticesAnswer.properties!.notices as SchemaObject;
const item = notices.items as SchemaObject;

/** The stock-take notices of a key task: a notice list's entries, naming their task and stock-take */
export const ListKeyTaskNoticesAnswer: SchemaObject = {
  ...ListNoticesAnswer,
  properties: {
    ...ListNoticesAnswer.properties,
    notices: {
      ...notices,
      items: { ...item, properties: { ...item.properties, kind: { type: 'string' }, taskId: { type: 'string' }, stockTakeId: { type: 'string' } } },
    },
  },
};
