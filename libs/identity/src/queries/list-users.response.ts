import type { SchemaObject } from '@nestjs/swagger';

/** Every user */
export const ListUsersAnswer: SchemaObject = {
  type: 'object',
  properties: {
    total: { type: 'number' },
    users: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          userId: { type: 'string' },
          username: { type: 'string', nullable: true },
          displayName: { type: 'string', nullable: true },
          role: { type: 'string', nullable: true },
          disabled: { type: 'boolean', nullable: true },
          unitId: { type: 'string', nullable: true, description: '本单位' },
          scopeUnitIds: { type: 'array', items: { type: 'string' } },
          contactPointUnitIds: { type: 'array', items: { type: 'string' } },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['users'],
};
