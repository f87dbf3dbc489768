import type { SchemaObject } from '@nestjs/swagger';
import { INSTRUCTION_SCHEMA } from '../list-instructions/list-instructions.response';
import { AS_OF_SCHEMA } from '../shared-schemas';
import { arr, obj, positionToken, str } from '@platform/common';

/** An instruction and every event of it */
export const GetInstructionAnswer: SchemaObject = obj({
  asOf: AS_OF_SCHEMA,
  instruction: INSTRUCTION_SCHEMA,
  events: arr(obj({
    position: positionToken(),
    type: str(),
    typeName: str(),
    occurredAt: str(),
    recordedAt: str(),
    actor: obj(),
    data: obj(),
  }, { required: ['position', 'type', 'typeName', 'occurredAt', 'recordedAt', 'actor', 'data'] })),
}, { required: ['asOf', 'instruction', 'events'] });
