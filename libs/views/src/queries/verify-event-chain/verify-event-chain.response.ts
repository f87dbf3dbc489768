import type { SchemaObject } from '@nestjs/swagger';
import { bool, numOrNull, obj, positionTokenOrNull, strOrNull } from '@platform/common';

/** The verdict on the event hash chain */
export const VerifyEventChainAnswer: SchemaObject = obj({
  ok: bool(),
  checked: numOrNull(),
  headPosition: positionTokenOrNull(),
  firstBrokenPosition: positionTokenOrNull(),
  reason: {},
  verdict: strOrNull(),
}, { required: ['ok', 'checked', 'headPosition', 'firstBrokenPosition', 'reason', 'verdict'] });
