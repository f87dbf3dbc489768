import type { SchemaObject } from '@nestjs/swagger';
import { arr, bool, int, obj, str } from '@platform/common';

const named = (description: string): SchemaObject => ({
  type: 'object',
  description,
  properties: { key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' }, name: { type: 'string' } },
  required: ['key', 'name'],
});

/** One step of a phase, as validateTemplate (libs/domain campaign-template) accepts it. */
const Step: SchemaObject = obj({
  key: str({ pattern: '^[a-z][a-z0-9_-]{0,63}$' }),
  name: str(),
  required: bool({ description: '必做步骤 (a required step)' }),
  measure: str({ enum: ['hours', 'members'], description: '记录数量：学时或人数 (a quantity to record: hours or members)' }),
}, { required: ['key', 'name', 'required'] });

/** A template's phase with its steps; shared with the campaign overview's template. */
export const TemplatePhaseSchema: SchemaObject = obj({
  key: str({ pattern: '^[a-z][a-z0-9_-]{0,63}$' }),
  name: str(),
  steps: arr(Step, { description: '至少一个必做步骤 (at least one required step)' }),
}, { required: ['key', 'name', 'steps'] });

const Template: SchemaObject = obj({
  key: str({ pattern: '^[a-z][a-z0-9_-]{0,63}$' }),
  name: str(),
  kind: str({ enum: ['education', 'look-back', 'demonstration'] }),
  requiresParent: bool({ description: '“回头看”须指定上级活动 (a look-back runs over a parent campaign)' }),
  phases: arr(TemplatePhaseSchema, { minItems: 1 }),
  consolidation: obj({ name: str(), plannedDays: int({ minimum: 0 }) }, { nullable: true, description: '巩固阶段，无则为 null (the consolidation period, null when none)', required: ['name', 'plannedDays'] }),
  summary: obj({ name: str() }, { required: ['name'] }),
  outcomes: arr(named('结论选项 (an outcome a unit\'s conclusion chooses from)')),
}, { required: ['key', 'name', 'kind', 'requiresParent', 'phases', 'consolidation', 'summary', 'outcomes'] });

/** The campaign templates with their phases and steps */
export const ListTemplatesAnswer: SchemaObject = obj({ templates: arr(Template) }, { required: ['templates'] });
