import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, fromBody, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { LaunchCampaignCommand } from './launch-campaign.command';
import { LaunchCampaignRequest } from './launch-campaign.request.dto';

@ApiTags('campaigns 活动')
@Controller('api/campaigns')
export class LaunchCampaignHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '启动活动 (launch a campaign)', description: '启动活动：选择模板、批次、范围（列出的组织或一棵子树）和各阶段计划日期' })
  @ApiRequestExample(LaunchCampaignRequest, '第二批先进性教育活动 (the second batch)', {
      campaignId: '2026-b2',
      name: '保持共产党员先进性教育活动（第二批）',
      templateKey: 'advanced-education',
      batch: 2,
      subtreeRootId: '430700',
      plannedPhases: [
        { phaseKey: 'study', start: '2026-01-05', end: '2026-02-10' },
        { phaseKey: 'analysis', start: '2026-02-11', end: '2026-03-20' },
        { phaseKey: 'rectification', start: '2026-03-21', end: '2026-04-30' },
      ],
    })
  @Access({ roles: MANAGERS, mode: 'write', units: fromBody('unitIds', 'subtreeRootId') })
  @Post()
  launch(@Command() meta: CommandMeta, @Body() body: LaunchCampaignRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.bus.execute(new LaunchCampaignCommand(meta, body)));
  }
}
