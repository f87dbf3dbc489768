import type { SchemaObject } from '@nestjs/swagger';

/** The units in the reader's scope */
export const ListUnitsAnswer: SchemaObject = {
  type: 'object',
  properties: {
    total: { type: 'number' },
    units: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          unitId: { type: 'string' },
          name: { type: 'string' },
          level: { type: 'string', nullable: true },
          unitType: { type: 'string', nullable: true },
          parentId: {},
          memberCount: { type: 'number', nullable: true },
          closed: { type: 'boolean', nullable: true },
          levelName: { type: 'string', nullable: true },
          unitTypeName: { type: 'string', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['units'],
};
