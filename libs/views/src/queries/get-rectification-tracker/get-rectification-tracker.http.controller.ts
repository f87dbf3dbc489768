import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CampaignParams, CurrentScope, fromLookup, STAFF } from '@platform/common';
import type { Response } from 'express';
import { dayOf, ledgerCampaign, readTrackerSummary, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { GetRectificationTrackerRequest } from './get-rectification-tracker.request.dto';
import { GetRectificationTrackerAnswer } from './get-rectification-tracker.response';
import { CampaignUnits } from '@platform/campaigns';

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/rectification-tracker')
export class GetRectificationTrackerHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({ summary: '整改进度 (rectification tracker)', description: '整改进度：按责任单位统计已销号、已验收待销号、已整改待验收、整改中、限期整改、暂缓解决、 联动整改（含各任务完成情况）、超期及绿/黄/红预警，并逐级汇总；预警按查询时刻（或 asOf）的日期计算' })
  @ApiOkResponse({ schema: GetRectificationTrackerAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @Get()
  async get(
    @Param() p: CampaignParams,
    @Query() q: GetRectificationTrackerRequest,
    @CurrentScope() scope: ActorScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const moment = await this.moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    const skip = q.skip ?? 0;
    const limit = q.limit ?? DEFAULT_PAGE_SIZE;
    const summary = await readTrackerSummary(moment, campaign, units, q.metricsVersion, { skip, limit });
    return {
      asOf: momentOf(res, moment),
      campaign: { campaignId: campaign.campaignId, name: campaign.name },
      today: dayOf(moment),
      warningThresholds: campaign.warningThresholds,
      metricsVersion: summary.metricsVersion,
      total: summary.total,
      skip,
      limit,
      units: summary.units,
      rollups: summary.rollups,
      overall: summary.overall,
    };
  }
}
