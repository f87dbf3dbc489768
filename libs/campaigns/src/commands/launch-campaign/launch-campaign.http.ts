import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsNumber, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { badRequest, fromBody, IsLine, IsListOf, MANAGERS, IsOptionalId } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import { campaignsEdge } from '../../campaign-commands';
import { launchCampaign } from './launch-campaign';

export class PlannedPhaseRequest {
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @IsISO8601({ strict: true })
  start!: string;

  @IsISO8601({ strict: true })
  end!: string;
}

export class WarningThresholdsRequest {
  @IsInt()
  @Min(1)
  @Max(365)
  greenDays!: number;

  @IsInt()
  @Min(0)
  @Max(364)
  yellowDays!: number;
}

export class LaunchCampaignRequest {
  @Matches(UNIT_ID_PATTERN, { message: 'campaignId 只能包含字母、数字、- 和 _，最长 64 位' })
  campaignId!: string;

  @IsLine(200)
  name!: string;

  /** advanced-education | look-back | demonstration-point */
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { message: 'templateKey 须为模板编码' })
  templateKey!: string;

  /** 第几批 */
  @IsInt()
  @Min(1)
  @Max(99)
  batch!: number;

  /** Required for a look-back: the campaign it looks back on */
  @IsOptionalId()
  parentCampaignId?: string;

  /** Listed units (either this or subtreeRootId) */
  @ValidateIf((o: LaunchCampaignRequest) => o.subtreeRootId === undefined)
  @IsArray({ message: 'unitIds 或 subtreeRootId 必须提供其一 (unitIds must be an array when subtreeRootId is absent)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds?: string[];

  /** Every open unit of this subtree, the root included */
  @ValidateIf((o: LaunchCampaignRequest) => o.unitIds === undefined)
  @Matches(UNIT_ID_PATTERN, { message: 'subtreeRootId 只能包含字母、数字、- 和 _' })
  subtreeRootId?: string;

  @IsListOf(() => PlannedPhaseRequest, { min: 1 })
  plannedPhases!: PlannedPhaseRequest[];

  @IsOptional()
  @ValidateNested()
  @Type(() => WarningThresholdsRequest)
  warningThresholds?: WarningThresholdsRequest;

  /** 满意率门槛, e.g. 0.8 */
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  satisfactionThreshold?: number;
}

/** The documented request: the second batch over a county's subtree; the e2e fixtures plan their campaigns' phases by it. */
export const LAUNCH_CAMPAIGN_EXAMPLE = {
  campaignId: '2026-b2',
  name: '保持共产党员先进性教育活动（第二批）',
  templateKey: 'advanced-education',
  batch: 2,
  subtreeRootId: '430700',
  plannedPhases: [
    { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
    { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
    { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
  ],
};

export const LaunchCampaignHttpController = campaignsEdge(launchCampaign, 'api/campaigns', {
  operation: { summary: '启动活动 (launch a campaign)', description: '启动活动：选择模板、批次、范围（列出的组织或一棵子树）和各阶段计划日期' },
  example: { summary: '第二批先进性教育活动 (the second batch)', value: LAUNCH_CAMPAIGN_EXAMPLE },
  access: { roles: MANAGERS, mode: 'write', units: fromBody('unitIds', 'subtreeRootId') },
  body: LaunchCampaignRequest, input: (_p, body) => {
    if (body.unitIds && body.subtreeRootId) {
      throw badRequest([{ field: 'subtreeRootId', rule: 'exclusive', message: 'unitIds 与 subtreeRootId 只能提供其一' }]);
    }
    return body;
  },
});
