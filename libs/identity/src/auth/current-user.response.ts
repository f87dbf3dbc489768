import type { SchemaObject } from '@nestjs/swagger';

/** The signed-in user */
export const CurrentUserAnswer: SchemaObject = {
  type: 'object',
  properties: {
    userId: { type: 'string' },
    username: { type: 'string', nullable: true },
    displayName: { type: 'string', nullable: true },
    role: { type: 'string', nullable: true },
    unitId: { type: 'string', nullable: true, description: '本单位' },
    scopeUnitIds: { type: 'array', items: { type: 'string' } },
    contactPointUnitIds: { type: 'array', items: { type: 'string' } },
  },
  required: ['userId', 'username', 'displayName', 'role', 'scopeUnitIds', 'contactPointUnitIds'],
};
