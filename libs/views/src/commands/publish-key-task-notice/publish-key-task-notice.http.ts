import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Command, CommandMeta, fromLookup, MANAGERS } from '@platform/common';
import { KeyTaskUnits, StockTakeParams } from '@platform/key-tasks';
import type { FastifyReply } from 'fastify';
import { NoticePublishingController } from '../notice-publishing';
import { PublishNoticePayload, PublishNoticeResult } from '../publish-notice/publish-notice.http';
import { publishKeyTaskNotice } from './publish-key-task-notice';

export class PublishKeyTaskNoticeRequest extends PublishNoticePayload {}

@ApiTags('views 看板·台账·审计')
@Controller('api/key-tasks/:taskId/stock-takes/:stockTakeId/notices')
export class PublishKeyTaskNoticeHttpController extends NoticePublishingController {
  @ApiOperation({ summary: '发布重点任务调度通报 (publish a stock-take as a notice)', description: '发布重点任务调度通报：以当前数据生成该次调度各单位状态与排名的快照，连同数据截止位置和快照摘要作为事件保存；发布后永不改变，可用 /api/notices/{noticeId} 查看（含审计检查点）、/api/notices/{noticeId}/reproduce 从事件重新计算核对' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup(KeyTaskUnits, 'taskId'), match: 'any' })
  @Post()
  publish(@Command() meta: CommandMeta, @Param() p: StockTakeParams, @Body() body: PublishKeyTaskNoticeRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<PublishNoticeResult> {
    const input = { taskId: p.taskId, stockTakeId: p.stockTakeId, scope: meta.scope, ...body };
    return this.withCheckpoint(res, this.commands.execute(publishKeyTaskNotice, input, meta), body.noticeId);
  }
}
