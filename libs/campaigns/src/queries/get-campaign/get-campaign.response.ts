import type { SchemaObject } from '@nestjs/swagger';
import { TemplatePhaseSchema } from '../list-templates/list-templates.response';

/** A campaign's overview */
export const GetCampaignAnswer: SchemaObject = {
  type: 'object',
  properties: {
    campaignId: { type: 'string' },
    name: { type: 'string' },
    batch: { type: 'number', nullable: true },
    parentCampaignId: {},
    template: {
      type: 'object',
      properties: {
        key: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        requiresParent: { type: 'boolean', nullable: true },
        phases: { type: 'array', items: TemplatePhaseSchema, nullable: true },
        consolidation: {
          type: 'object',
          properties: { name: { type: 'string' }, plannedDays: { type: 'number', nullable: true } },
          nullable: true,
        },
        summary: { type: 'object', properties: { name: { type: 'string' } }, nullable: true },
        outcomes: { type: 'array', items: {}, nullable: true },
      },
      nullable: true,
    },
    plannedPhases: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          phaseKey: { type: 'string', nullable: true },
          start: { type: 'string', nullable: true },
          end: { type: 'string', nullable: true },
        },
        nullable: true,
      },
      nullable: true,
    },
    warningThresholds: {
      type: 'object',
      properties: { greenDays: { type: 'number', nullable: true }, yellowDays: { type: 'number', nullable: true } },
      nullable: true,
    },
    satisfactionThreshold: { type: 'number', nullable: true },
    enrolledCount: { type: 'number', nullable: true },
    enrolledUnitIds: { type: 'array', items: { type: 'string' } },
  },
  required: [
    'campaignId',
    'name',
    'batch',
    'parentCampaignId',
    'template',
    'plannedPhases',
    'warningThresholds',
    'satisfactionThreshold',
    'enrolledCount',
    'enrolledUnitIds',
  ],
};
