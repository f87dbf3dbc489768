import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { RecordBallotTallyCommand } from './record-ballot-tally.command';
import { RecordBallotTallyRequest } from './record-ballot-tally.request.dto';

@ApiTags('satisfaction 满意度测评')
@Controller('api/campaigns/:campaignId/units/:unitId/satisfaction')
export class RecordBallotTallyHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 录入一次测评会议的计票结果 */
  @ApiOperation({ summary: '录入一次测评会议的计票结果 (record a ballot tally)' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('tallies')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: RecordBallotTallyRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecordBallotTallyCommand(meta, p.campaignId, p.unitId, body)));
  }
}
