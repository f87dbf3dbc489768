import type { SchemaObject } from '@nestjs/swagger';

/** The campaign templates with their phases and steps */
export const ListTemplatesAnswer: SchemaObject = {
  type: 'object',
  properties: {
    templates: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          requiresParent: { type: 'boolean', nullable: true },
          phases: { type: 'array', items: {}, nullable: true },
          consolidation: { type: 'object', nullable: true },
          summary: { type: 'object', nullable: true },
          outcomes: { type: 'array', items: {}, nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
  },
  required: ['templates'],
};
