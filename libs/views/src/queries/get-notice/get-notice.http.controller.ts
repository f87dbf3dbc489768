import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, fromLookup, STAFF } from '@platform/common';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { readNotice } from '../../notices/notice-reader';
import { NoticeParams } from './get-notice.request.dto';
import { GetNoticeAnswer } from './get-notice.response';

@ApiTags('views 看板·台账·审计')
@Controller('api/notices/:noticeId')
export class GetNoticeHttpController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @ApiOperation({ summary: '已发布的通报原文 (get a notice)', description: '已发布的通报原文：标题、日期、数据截止位置、指标口径、排名快照及其摘要（发布后永不改变）' })
  @ApiOkResponse({ schema: GetNoticeAnswer })
  @Access({ roles: STAFF, mode: 'read', units: fromLookup('notice', 'noticeId'), match: 'any' })
  @Get()
  async get(@Param() p: NoticeParams) {
    return readNotice(this.events, p.noticeId);
  }
}
