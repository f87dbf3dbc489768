import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CampaignParams, CurrentScope, fromLookup, STAFF } from '@platform/common';
import type { Response } from 'express';
import { NoticeDoc, NOTICES } from '../../notices/notices.documents';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitClause, unitFilter } from '../../shared/view-scope';
import { ListNoticesAnswer } from './list-notices.response';
import { CampaignUnits } from '@platform/campaigns';

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/notices')
export class ListNoticesHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({ summary: '本活动已发布的通报 (list notices)', description: '本活动已发布的通报（涉及本人范围内组织的），按通报日期倒序' })
  @ApiOkResponse({ schema: ListNoticesAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @Get()
  async list(@Param() p: CampaignParams, @CurrentScope() scope: ActorScope, @Res({ passthrough: true }) res: Response) {
    const moment = await this.moments.resolve(undefined, ['notices']);
    const units = unitFilter(moment.tree, scope, null);
    const notices = await moment
      .store('notices')
      .find<NoticeDoc>(NOTICES, { campaignId: p.campaignId, ...unitClause('unitIds', units) }, { sort: { noticeDate: -1, eventPosition: -1 } });
    return { asOf: momentOf(res, moment), total: notices.length, notices: notices.map(({ _id, unitIds, ...n }) => ({ ...n, unitCount: unitIds.length })) };
  }
}
