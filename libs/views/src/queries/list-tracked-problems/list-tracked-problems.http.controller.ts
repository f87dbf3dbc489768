import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CampaignParams, CurrentScope, fromLookup, STAFF } from '@platform/common';
import type { Response } from 'express';
import { dayOf, ledgerCampaign, readProblemPage, TRACKER_PROJECTIONS } from '../../rectification-tracker/tracker-reader';
import { ViewMoments } from '../../shared/view-moment';
import { DEFAULT_PAGE_SIZE } from '../../shared/pagination';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { ListTrackedProblemsRequest, problemFiltersOf } from './list-tracked-problems.request.dto';
import { ListTrackedProblemsAnswer } from './list-tracked-problems.response';
import { CampaignUnits } from '@platform/campaigns';

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/rectification-tracker/problems')
export class ListTrackedProblemsHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({ summary: '整改台账明细 (rectification ledger entries)', description: '整改台账明细：按状态、处理方式、预警等级、子树、来源、是否超期筛选，超期和临近时限的排在前面；用上一页的 next 作 after 翻页；匹配超过 1000 条时只说“超过 1000 条”' })
  @ApiOkResponse({ schema: ListTrackedProblemsAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @Get()
  async list(
    @Param() p: CampaignParams,
    @Query() q: ListTrackedProblemsRequest,
    @CurrentScope() scope: ActorScope,
    @Res({ passthrough: true }) res: Response,
  ) {
    const moment = await this.moments.resolve(q.asOf, TRACKER_PROJECTIONS);
    const units = unitFilter(moment.tree, scope, q.root);
    const campaign = await ledgerCampaign(moment, p.campaignId);
    const page = { skip: q.skip ?? 0, limit: q.limit ?? DEFAULT_PAGE_SIZE };
    const { total, totalMoreThan, items, next } = await readProblemPage(moment, campaign, problemFiltersOf(q), units, { ...page, after: q.after ?? null });
    return {
      asOf: momentOf(res, moment),
      today: dayOf(moment),
      warningThresholds: campaign.warningThresholds,
      total,
      totalMoreThan,
      ...(totalMoreThan === null ? {} : { totalText: `超过 ${totalMoreThan} 条 (more than ${totalMoreThan})` }),
      ...page,
      next,
      items,
    };
  }
}
