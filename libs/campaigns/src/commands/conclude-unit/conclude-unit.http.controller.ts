import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { ConcludeUnitCommand } from './conclude-unit.command';
import { ConcludeUnitRequest } from './conclude-unit.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class ConcludeUnitHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '总结 (conclude a unit\'s campaign)', description: '总结（巩固阶段后；示范点创建须选择命名或淘汰）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('conclusion')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: ConcludeUnitRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new ConcludeUnitCommand(meta, p.campaignId, p.unitId, body)));
  }
}
