import type { SchemaObject } from '@nestjs/swagger';

/** The verdict on the event hash chain */
export const VerifyEventChainAnswer: SchemaObject = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    checked: { type: 'number', nullable: true },
    headPosition: { type: 'number', nullable: true },
    firstBrokenPosition: {},
    reason: {},
    verdict: { type: 'string', nullable: true },
  },
  required: ['ok', 'checked', 'headPosition', 'firstBrokenPosition', 'reason', 'verdict'],
};
