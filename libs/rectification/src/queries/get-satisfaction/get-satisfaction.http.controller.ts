import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, fromParams, STAFF, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import type { Response } from 'express';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { satisfactionView } from '../satisfaction-view';
import { GetSatisfactionAnswer } from './get-satisfaction.response';

@ApiTags('satisfaction 满意度测评')
@Controller('api/campaigns/:campaignId/units/:unitId/satisfaction')
export class GetSatisfactionHttpController {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  @ApiOperation({ summary: '满意度测评情况 (satisfaction evaluation)', description: '满意度测评情况：各轮计票、满意率、是否达标或须补课；ETag 为测评流版本号' })
  @ApiOkResponse({ schema: GetSatisfactionAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @Get()
  async get(@Param() p: CampaignUnitParams, @Res({ passthrough: true }) res: Response) {
    const campaign = await rectificationFacts.satisfaction(this.facts, p.campaignId, p.unitId);
    if (!campaign.launched || !campaign.enrolled) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '该组织未参加此活动 (unit not enrolled)' });
    }
    const { state, revision } = await this.runner.load(satisfactionStreamId(p.campaignId, p.unitId), satisfactionDecider);
    res.setHeader('ETag', `"${revision}"`);
    return { ...satisfactionView(p.campaignId, p.unitId, campaign.satisfactionThreshold, state), revision };
  }
}
