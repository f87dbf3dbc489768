import { Type } from '@nestjs/common';
import { AccessRule, CampaignParams, fromLookup, fromParams, STAFF, UnitParams } from '@platform/common';
import { CampaignUnits } from '@platform/campaigns';
import { KeyTaskParams, KeyTaskUnits } from '@platform/key-tasks';

const subject = <Pa>(params: Type<Pa>, access: AccessRule) => ({ params, access });

/**
 * What a view belongs to, as its route names it: the path parameter that identifies it and who may
 * read it — staff whose scope takes in one of the campaign's or key task's units, or the unit itself.
 */
export const CAMPAIGN_VIEW = subject(CampaignParams, { roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' });
export const KEY_TASK_VIEW = subject(KeyTaskParams, { roles: STAFF, mode: 'read', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' });
export const UNIT_VIEW = subject(UnitParams, { roles: STAFF, mode: 'read', units: fromParams('unitId') });
