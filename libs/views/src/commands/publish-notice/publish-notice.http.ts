import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { Access, CampaignParams, Command, CommandMeta, CommandAnswerBody, fromLookup, IsId, IsLine, MANAGERS, IsOptionalId } from '@platform/common';
import { HANDLING_VERSIONS, HandlingVersion, METRICS_VERSIONS, MetricsVersion, RANK_KEYS, RankKey } from '@platform/domain';
import { CheckpointView } from '@platform/event-store';
import type { FastifyReply } from 'fastify';
import { NoticePublishingController } from '../notice-publishing';
import { publishNotice } from './publish-notice';
import { CampaignUnits } from '@platform/campaigns';
import { IsOptionalVersion } from '../../shared/view-query.request.dto';

/** What every notice asks of its publisher, whatever it ranks. */
export class PublishNoticePayload {
  @IsId()
  noticeId!: string;

  /** 通报标题，如“关于第二批先进性教育活动整改进度的通报” */
  @IsLine(200)
  title!: string;

  /** 通报日期（YYYY-MM-DD），默认今天 */
  @IsOptional()
  @IsISO8601({ strict: true })
  noticeDate?: string;

  /** 只通报该组织及其下级；默认整个活动（发布人范围内） */
  @IsOptionalId()
  root?: string;
}

export class PublishNoticeRequest extends PublishNoticePayload {
  /** 排名指标，默认整改完成率 */
  @IsOptional()
  @IsIn(RANK_KEYS)
  rankBy?: RankKey;

  /** 指标口径版本，默认现行口径 */
  @IsOptionalVersion(METRICS_VERSIONS, 'metricsVersion 须为 1 或 2')
  metricsVersion?: MetricsVersion;

  /** 五类问题分类口径版本，默认现行（第2版） */
  @IsOptionalVersion(HANDLING_VERSIONS, 'handlingVersion 须为 1 或 2')
  handlingVersion?: HandlingVersion;
}

export type PublishNoticeResult = CommandAnswerBody & { readonly checkpoint: CheckpointView | null };

@ApiTags('views 看板·台账·审计')
@Controller('api/campaigns/:campaignId/notices')
export class PublishNoticeHttpController extends NoticePublishingController {
  @ApiOperation({ summary: '发布通报 (publish a notice)', description: '发布通报：以当前数据生成带排名的进度看板快照，连同数据截止位置、指标口径版本和快照摘要作为事件保存； 发布后永不改变，可随时用 /api/notices/{noticeId}/reproduce 从事件重新计算核对' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromLookup(CampaignUnits, 'campaignId'), match: 'any' })
  @Post()
  publish(@Command() meta: CommandMeta, @Param() p: CampaignParams, @Body() body: PublishNoticeRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<PublishNoticeResult> {
    return this.withCheckpoint(res, this.commands.execute(publishNotice, { campaignId: p.campaignId, scope: meta.scope, ...body }, meta), body.noticeId);
  }
}
