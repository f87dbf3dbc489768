import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { RecordParticipationCommand } from './record-participation.command';
import { RecordParticipationRequest } from './record-participation.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class RecordParticipationHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '记录参学情况 (record participation)', description: '记录参学情况：应参学、实参学、请假及原因' })
  @ApiRequestExample(RecordParticipationRequest, '参学情况 (participation)', { shouldAttend: 30, attended: 27, excused: [{ reason: '流动党员外出务工', count: 2 }] })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('participation')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: RecordParticipationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecordParticipationCommand(meta, p.campaignId, p.unitId, body)));
  }
}
