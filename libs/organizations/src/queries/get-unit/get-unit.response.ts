import type { SchemaObject } from '@nestjs/swagger';

/** One unit with its ancestors and children */
export const GetUnitAnswer: SchemaObject = {
  type: 'object',
  properties: {
    unitId: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string', nullable: true },
    unitType: { type: 'string', nullable: true },
    parentId: { type: 'string', nullable: true },
    memberCount: { type: 'number', nullable: true },
    closed: { type: 'boolean', nullable: true },
    levelName: { type: 'string', nullable: true },
    unitTypeName: { type: 'string', nullable: true },
    ancestorIds: { type: 'array', items: { type: 'string' } },
    childIds: { type: 'array', items: { type: 'string' } },
  },
  required: [
    'unitId',
    'name',
    'level',
    'unitType',
    'parentId',
    'memberCount',
    'closed',
    'levelName',
    'unitTypeName',
    'ancestorIds',
    'childIds',
  ],
};
