import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ApiSpreadsheetAnswer, fromLookup, STAFF } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import { BOARD_COLUMNS, ROLLUP_COLUMNS } from '../../exports/board-columns';
import { AnySheet, streamExport } from '../../exports/export-format';
import { SCHEDULE_COLUMNS, SCHEDULE_ROLLUP_COLUMNS } from '../../exports/key-task-columns';
import { ScheduleView } from '../../key-task-schedule/schedule-view';
import { readNotice } from '../../notices/notice-reader';
import { BoardView } from '../../progress-board/board-view';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { NoticeParams } from '../get-notice/get-notice.request.dto';
import { ExportNoticeRequest } from './export-notice.request.dto';
import { NoticeUnits } from '../../shared/view-lookups';

@ApiTags('views 看板·台账·审计')
@Controller('api/notices/:noticeId/export')
export class ExportNoticeHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  /** 导出已发布通报的排名快照（xlsx 含“通报”“汇总”“审计检查点”三张表；csv 为通报排名，末行为审计检查点） */
  @ApiOperation({ summary: '导出通报 (export a notice)', description: '导出已发布通报的排名快照（xlsx 含“通报”“汇总”“审计检查点”三张表；csv 为通报排名，末行为审计检查点）' })
  @ApiSpreadsheetAnswer()
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(NoticeUnits, 'noticeId'), match: 'any' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @Get()
  async export(@Param() p: NoticeParams, @Query() q: ExportNoticeRequest, @Res() res: FastifyReply) {
    const notice = await readNotice(this.events, p.noticeId);
    const checkpoint = await documentCheckpoint(this.witness, { notice: p.noticeId });
    const sheets: AnySheet[] = [];
    if (notice.kind === 'key-task') {
      const snapshot = notice.snapshot as ScheduleView | null;
      sheets.push({ name: '通报', columns: SCHEDULE_COLUMNS, rows: snapshot?.rows ?? [] }, { name: '汇总', columns: SCHEDULE_ROLLUP_COLUMNS, rows: snapshot?.rollups ?? [] });
    } else {
      const snapshot = notice.snapshot as BoardView | null;
      sheets.push({ name: '通报', columns: BOARD_COLUMNS, rows: snapshot?.rows ?? [] }, { name: '汇总', columns: ROLLUP_COLUMNS, rows: snapshot?.rollups ?? [] });
    }
    await streamExport(res, q.format ?? 'xlsx', `通报-${notice.noticeDate}-${notice.title}`, sheets, checkpoint);
  }
}
