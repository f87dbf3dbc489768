import type { SchemaObject } from '@nestjs/swagger';
import { TemplatePhaseSchema } from '../list-templates/list-templates.response';
import { arr, arrOrNull, boolOrNull, numOrNull, obj, objOrNull, str, strOrNull } from '@platform/common';

/** A campaign's overview */
export const GetCampaignAnswer: SchemaObject = obj({
  campaignId: str(),
  name: str(),
  batch: numOrNull(),
  parentCampaignId: {},
  template: objOrNull({
    key: str(),
    name: str(),
    kind: str(),
    requiresParent: boolOrNull(),
    phases: arrOrNull(TemplatePhaseSchema),
    consolidation: objOrNull({ name: str(), plannedDays: numOrNull() }),
    summary: objOrNull({ name: str() }),
    outcomes: arrOrNull({}),
  }),
  plannedPhases: arrOrNull(objOrNull({
    phaseKey: strOrNull(),
    start: strOrNull(),
    end: strOrNull(),
  })),
  warningThresholds: objOrNull({ greenDays: numOrNull(), yellowDays: numOrNull() }),
  satisfactionThreshold: numOrNull(),
  enrolledCount: numOrNull(),
  enrolledUnitIds: arr(str()),
}, { required: ['campaignId', 'name', 'batch', 'parentCampaignId', 'template', 'plannedPhases', 'warningThresholds', 'satisfactionThreshold', 'enrolledCount', 'enrolledUnitIds'] });
