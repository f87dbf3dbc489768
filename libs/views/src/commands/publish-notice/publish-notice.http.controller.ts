import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignParams, Command, CommandMeta, CommandResult, fromLookup, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { PublishNoticeCommand } from './publish-notice.command';
import { PublishNoticeRequest } from './publish-notice.request.dto';

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/notices')
export class PublishNoticeHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '发布通报 (publish a notice)', description: '发布通报：以当前数据生成带排名的进度看板快照，连同数据截止位置、指标口径版本和快照摘要作为事件保存； 发布后永不改变，可随时用 /api/notices/{noticeId}/reproduce 从事件重新计算核对' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup('campaign', 'campaignId'), match: 'any' })
  @Post()
  publish(
    @Command() meta: CommandMeta,
    @Param() p: CampaignParams,
    @Body() body: PublishNoticeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new PublishNoticeCommand(meta, p.campaignId, body)));
  }
}
