import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, fromLookup, STAFF } from '@platform/common';
import { CheckpointWitness, EVENT_STORE, EventStore, WITNESS } from '@platform/event-store';
import { readNotice } from '../../notices/notice-reader';
import { documentCheckpoint } from '../../shared/document-checkpoint';
import { NoticeParams } from './get-notice.request.dto';
import { GetNoticeAnswer } from './get-notice.response';
import { NoticeUnits } from '../../shared/view-lookups';

@ApiTags('views 看板·台账·审计')
@Controller('api/notices/:noticeId')
export class GetNoticeHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WITNESS) private readonly witness: CheckpointWitness,
  ) {}

  @ApiOperation({ summary: '已发布的通报原文 (get a notice)', description: '已发布的通报原文：标题、日期、数据截止位置、指标口径、排名快照及其摘要（发布后永不改变），以及发布时签发的审计检查点（checkpoint.text 可复制后用 /api/audit-trail/checkpoints/verify 核验）' })
  @ApiOkResponse({ schema: GetNoticeAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup(NoticeUnits, 'noticeId'), match: 'any' })
  @Get()
  async get(@Param() p: NoticeParams) {
    const notice = await readNotice(this.events, p.noticeId);
    return { ...notice, checkpoint: await documentCheckpoint(this.witness, { notice: p.noticeId }) };
  }
}
