import { ApiProduces } from '@nestjs/swagger';
import { ApiSpreadsheetAnswer, fromParams, STAFF, token, UnitParams } from '@platform/common';
import { CheckpointWitness, WITNESS } from '@platform/event-store';
import { AnySheet, streamExport } from '../../exports/export-format';
import { ROSTER_COUNT_COLUMNS, ROSTER_MEMBER_COLUMNS } from '../../exports/roster-columns';
import { readUnitRoster, ROSTER_PROJECTIONS } from '../../member-roster/roster-view';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { ViewMoments } from '../../shared/view-moment';
import { momentOf } from '../../shared/view-response';
import { ExportUnitRosterRequest } from './export-unit-roster.request.dto';
import { memberRosterQuery } from '../query-routes';

export const ExportUnitRosterHttpController = memberRosterQuery('ExportUnitRoster', 'api/units/:unitId/roster/export', {
  operation: {
    summary: '导出党员名册 (export a unit’s roster)',
    description: '导出一个单位的党员名册：本单位、活动办公室和管理员得到“党员名册”（含姓名）和“人数”两张表；其他人只得到“人数”（csv 为第一张表）',
  },
  access: { roles: STAFF, mode: 'read', units: fromParams('unitId') },
  decorators: [ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'), ApiSpreadsheetAnswer()],
  params: UnitParams, query: ExportUnitRosterRequest, inject: { moments: ViewMoments, witness: token<CheckpointWitness>(WITNESS) }, ownsResponse: true,
  async handle({ params: p, query: q, actor, res }, { moments, witness }) {
    const moment = await moments.resolve(q.asOf, ROSTER_PROJECTIONS);
    const roster = await readUnitRoster(moment.store('member-roster'), moment.tree, p.unitId, actor);
    momentOf(res, moment);
    const checkpoint = await documentCheckpoint(witness, { export: `roster:${p.unitId}` });
    const sheets: AnySheet[] = [
      ...(roster.members ? [{ name: '党员名册', columns: ROSTER_MEMBER_COLUMNS, rows: roster.members }] : []),
      { name: '人数', columns: ROSTER_COUNT_COLUMNS, rows: [roster] },
    ];
    await streamExport(res, q.format ?? 'xlsx', `党员名册-${roster.name}`, sheets, checkpoint);
  },
});
