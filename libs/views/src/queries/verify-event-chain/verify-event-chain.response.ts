import type { SchemaObject } from '@nestjs/swagger';
import { bool, numOrNull, obj, objOrNull, positionTokenOrNull, strOrNull } from '@platform/common';

/** The verdict on the event hash chain */
export const VerifyEventChainAnswer: SchemaObject = obj({
  ok: bool(),
  checked: numOrNull(),
  headPosition: positionTokenOrNull(),
  firstBrokenPosition: positionTokenOrNull(),
  reason: {},
  verdict: strOrNull(),
  /** History against the global notary's chain (libs/event-store/src/notary) */
  notary: objOrNull({
    ok: bool(),
    finding: strOrNull(),
    position: positionTokenOrNull(),
    verdict: strOrNull(),
    tip: objOrNull({ seq: numOrNull(), position: positionTokenOrNull() }),
    unnotarized: numOrNull(),
  }),
}, { required: ['ok', 'checked', 'headPosition', 'firstBrokenPosition', 'reason', 'verdict'] });
