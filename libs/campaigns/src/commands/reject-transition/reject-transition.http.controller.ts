import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond, REVIEWERS } from '@platform/common';
import type { Response } from 'express';
import { RejectTransitionCommand } from './reject-transition.command';
import { RejectTransitionRequest } from './reject-transition.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class RejectTransitionHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '退回转段申请 (reject a phase transition)', description: '退回转段申请（须说明理由）' })
  @Access({ roles: REVIEWERS, mode: 'write', units: fromParams('unitId') })
  @Post('transition-applications/reject')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: RejectTransitionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RejectTransitionCommand(meta, p.campaignId, p.unitId, body)));
  }
}
