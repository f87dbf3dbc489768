import type { SchemaObject } from '@nestjs/swagger';

/** One page of the security log */
export const SecurityLogAnswer: SchemaObject = {
  type: 'object',
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'number' },
          at: { type: 'string' },
          kind: { type: 'string' },
          userId: { type: 'string', nullable: true },
          username: { type: 'string', nullable: true },
          ip: {},
          detail: { type: 'object', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
    next: { type: 'number', nullable: true },
  },
  required: ['entries'],
};
