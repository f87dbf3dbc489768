import type { SchemaObject } from '@nestjs/swagger';

/** Liveness, the event store head and each projection's position and lag */
export const HealthAnswer: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    eventStore: { type: 'object', properties: { headPosition: { type: 'number', nullable: true } }, nullable: true },
    projections: {
      type: 'object',
      properties: {
        healthy: { type: 'boolean', nullable: true },
        head: { type: 'number', nullable: true },
        items: { type: 'array', items: { type: 'object', nullable: true }, nullable: true },
      },
      nullable: true,
    },
  },
  required: ['status', 'eventStore', 'projections'],
};
