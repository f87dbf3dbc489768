import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, fromParams, STAFF, UnitParams } from '@platform/common';
import { Actor } from '@platform/domain';
import type { Response } from 'express';
import { readUnitRoster, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { GetUnitRosterRequest } from './get-unit-roster.request.dto';
import { GetUnitRosterAnswer } from './get-unit-roster.response';

@ApiTags('member roster 党员名册')
@Controller('api/units/:unitId/roster')
export class GetUnitRosterHttpController {
  constructor(private readonly moments: ViewMoments) {}

  @ApiOperation({
    summary: '一个单位的党员名册 (a unit’s member roster)',
    description: '一个单位的党员名册：各状态人数、在册人数、查找中人数；姓名、流入地和查找记录只对本单位、活动办公室和管理员显示，其他人只见人数；asOf 返回历史时刻的名册',
  })
  @ApiOkResponse({ schema: GetUnitRosterAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @Get()
  async get(@Param() p: UnitParams, @Query() q: GetUnitRosterRequest, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const moment = await this.moments.resolve(q.asOf, ROSTER_PROJECTIONS);
    const roster = await readUnitRoster(moment.store('member-roster'), moment.tree, p.unitId, actor);
    return { asOf: momentOf(res, moment), ...roster };
  }
}
