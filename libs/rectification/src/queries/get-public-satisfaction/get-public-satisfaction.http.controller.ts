import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, STAFF, StreamCommandRunner } from '@platform/common';
import { satisfactionDecider, satisfactionStreamId } from '@platform/domain';
import { rectificationFacts, RectificationFactsLoader } from '../../rectification-facts';
import { publicSatisfactionView } from '../satisfaction-view';
import { GetPublicSatisfactionAnswer } from './get-public-satisfaction.response';

@ApiTags('public 公示')
@Controller('api/public/campaigns/:campaignId/units/:unitId/satisfaction')
export class GetPublicSatisfactionHttpController {
  constructor(private readonly runner: StreamCommandRunner, private readonly facts: RectificationFactsLoader) {}

  @ApiOperation({ summary: '公示：满意度测评结果，以及正在接受投票的轮次 (public: satisfaction results)', description: '公示：满意度测评结果，以及正在接受投票的轮次（无需登录）' })
  @ApiOkResponse({ schema: GetPublicSatisfactionAnswer })
  @Access({ roles: ['public', ...STAFF], mode: 'read', units: null })
  @Get()
  async get(@Param() p: CampaignUnitParams) {
    const campaign = await rectificationFacts.satisfaction(this.facts, p.campaignId, p.unitId);
    if (!campaign.launched || !campaign.enrolled) {
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: '该组织未参加此活动 (unit not enrolled)' });
    }
    const { state } = await this.runner.load(satisfactionStreamId(p.campaignId, p.unitId), satisfactionDecider);
    return publicSatisfactionView(p.campaignId, p.unitId, campaign.satisfactionThreshold, state);
  }
}
