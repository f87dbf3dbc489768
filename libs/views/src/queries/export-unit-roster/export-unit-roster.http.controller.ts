import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ApiSpreadsheetAnswer, CurrentActor, fromParams, STAFF, UnitParams } from '@platform/common';
import { Actor } from '@platform/domain';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import type { Response } from 'express';
import { AnySheet, streamExport } from '../../exports/export-format';
import { ROSTER_COUNT_COLUMNS, ROSTER_MEMBER_COLUMNS } from '../../exports/roster-columns';
import { readUnitRoster, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { ExportUnitRosterRequest } from './export-unit-roster.request.dto';

@ApiTags('member roster 党员名册')
@Controller('api/units/:unitId/roster/export')
export class ExportUnitRosterHttpController {
  constructor(
    private readonly moments: ViewMoments,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  @ApiOperation({
    summary: '导出党员名册 (export a unit’s roster)',
    description: '导出一个单位的党员名册：本单位、活动办公室和管理员得到“党员名册”（含姓名）和“人数”两张表；其他人只得到“人数”（csv 为第一张表）',
  })
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiSpreadsheetAnswer()
  @Get()
  async export(@Param() p: UnitParams, @Query() q: ExportUnitRosterRequest, @CurrentActor() actor: Actor, @Res() res: Response) {
    const moment = await this.moments.resolve(q.asOf, ROSTER_PROJECTIONS);
    const roster = await readUnitRoster(moment.store('member-roster'), moment.tree, p.unitId, actor);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(this.witness, { export: `roster:${p.unitId}` });
    const sheets: AnySheet[] = [
      ...(roster.members ? [{ name: '党员名册', columns: ROSTER_MEMBER_COLUMNS, rows: roster.members }] : []),
      { name: '人数', columns: ROSTER_COUNT_COLUMNS, rows: [roster] },
    ];
    await streamExport(res, q.format ?? 'xlsx', `党员名册-${roster.name}`, sheets, checkpoint);
  }
}
