import type { SchemaObject } from '@nestjs/swagger';

const named = (description: string): SchemaObject => ({
  type: 'object',
  description,
  properties: { key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' }, name: { type: 'string' } },
  required: ['key', 'name'],
});

/** One step of a phase, as validateTemplate (libs/domain campaign-template) accepts it. */
const Step: SchemaObject = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    name: { type: 'string' },
    required: { type: 'boolean', description: '必做步骤 (a required step)' },
    measure: { type: 'string', enum: ['hours', 'members'], description: '记录数量：学时或人数 (a quantity to record: hours or members)' },
  },
  required: ['key', 'name', 'required'],
};

/** A template's phase with its steps; shared with the campaign overview's template. */
export const TemplatePhaseSchema: SchemaObject = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    name: { type: 'string' },
    steps: { type: 'array', items: Step, description: '至少一个必做步骤 (at least one required step)' },
  },
  required: ['key', 'name', 'steps'],
};

const Template: SchemaObject = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['education', 'look-back', 'demonstration'] },
    requiresParent: { type: 'boolean', description: '“回头看”须指定上级活动 (a look-back runs over a parent campaign)' },
    phases: { type: 'array', items: TemplatePhaseSchema, minItems: 1 },
    consolidation: {
      type: 'object',
      nullable: true,
      description: '巩固阶段，无则为 null (the consolidation period, null when none)',
      properties: { name: { type: 'string' }, plannedDays: { type: 'integer', minimum: 0 } },
      required: ['name', 'plannedDays'],
    },
    summary: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    outcomes: { type: 'array', items: named('结论选项 (an outcome a unit\'s conclusion chooses from)') },
  },
  required: ['key', 'name', 'kind', 'requiresParent', 'phases', 'consolidation', 'summary', 'outcomes'],
};

/** The campaign templates with their phases and steps */
export const ListTemplatesAnswer: SchemaObject = {
  type: 'object',
  properties: { templates: { type: 'array', items: Template } },
  required: ['templates'],
};
