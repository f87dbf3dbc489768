import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ActorScope, CurrentScope, STAFF } from '@platform/common';
import type { Response } from 'express';
import { readRosterCounts, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { unitFilter } from '../../shared/view-scope';
import { GetRosterCountsRequest } from './get-roster-counts.request.dto';
import { GetRosterCountsAnswer } from './get-roster-counts.response';

@ApiTags('member roster 党员名册')
@Controller('api/member-rosters')
export class GetRosterCountsHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({
    summary: '党员名册统计 (roster counts per unit)',
    description: '党员名册统计：范围内建有名册的各单位在册、正常、流动、失联（查找中）、转出、去世人数，按乡镇/区县/市逐级汇总；只有人数，没有姓名；asOf 返回历史时刻',
  })
  @ApiOkResponse({ schema: GetRosterCountsAnswer })
  @Access({ roles: STAFF, mode: 'read', units: null })
  @Get()
  async get(@Query() q: GetRosterCountsRequest, @CurrentScope() scope: ActorScope, @Res({ passthrough: true }) res: Response) {
    const moment = await this.moments.resolve(q.asOf, ROSTER_PROJECTIONS);
    const view = await readRosterCounts(moment.store('member-roster'), moment.tree, unitFilter(moment.tree, scope, q.root));
    return { asOf: momentOf(res, moment), ...view };
  }
}
