import { IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { CampaignUnitParams, fromParams, IsOccurredAt, IsOptionalLine, IsText, MaxDecimalPlaces } from '@platform/common';
import { StoredBlobRefs } from '@platform/blobs';
import { campaignUnitsEdge } from '../../campaign-commands';
import { recordStep } from './record-step';

const KEY = /^[a-z][a-z0-9_-]{0,63}$/;

export class RecordStepRequest {
  @Matches(KEY, { message: 'phaseKey 须为模板中的阶段编码' })
  phaseKey!: string;

  @Matches(KEY, { message: 'stepKey 须为模板中的步骤编码' })
  stepKey!: string;

  /** 完成情况说明 */
  @IsText(5000)
  evidence!: string;

  /** Reference of an uploaded file (minutes, photos, sign-in sheet) */
  @IsOptionalLine(500)
  attachmentRef?: string;

  /** Study hours or members located, for steps that measure one */
  @IsOptional()
  @IsNumber()
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(1_000_000)
  quantity?: number;

  /** When it happened; defaults to now; may not be in the future */
  @IsOccurredAt()
  occurredAt?: string;
}

export const RecordStepHttpController = campaignUnitsEdge(recordStep, 'api/campaigns/:campaignId/units/:unitId/steps', {
  operation: { summary: '记录完成的步骤 (record a completed step)', description: '记录完成的步骤（含佐证说明与附件引用）' },
  example: { summary: '集中学习 (centralized study, in hours)', value: { phaseKey: 'study', stepKey: 'centralized_study', evidence: '集中学习 12 学时，参学党员 28 人', quantity: 12, occurredAt: '2026-01-20T09:00:00Z' } },
  access: { roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') },
  params: CampaignUnitParams, body: RecordStepRequest, bodyPipes: [StoredBlobRefs], input: (p, body) => ({ campaignId: p.campaignId, unitId: p.unitId, ...body }),
});
