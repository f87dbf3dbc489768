import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, CampaignUnitParams, CommandMeta, CommandResult, respond } from '@platform/common';
import { Role } from '@platform/domain';
import type { Response } from 'express';
import { organizerUnit, VoterCommand } from '../../http/voter-command-meta';
import { CastBallotCommand } from './cast-ballot.command';
import { CastBallotRequest } from './cast-ballot.request.dto';

/** The masses vote without signing in; organizers may enter paper ballots one by one. */
const VOTERS: readonly Role[] = ['public', 'office', 'inspector', 'operator'];

@ApiTags('satisfaction 满意度测评')
@Controller('api/campaigns/:campaignId/units/:unitId/satisfaction')
export class CastBallotHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '投一张满意度测评票 (cast a satisfaction ballot)', description: '投一张满意度测评票（群众无需登录，不记录投票人）' })
  @ApiRequestExample(CastBallotRequest, '一张满意票 (one ballot)', { round: 1, ballotId: 'b-000123', grade: 'satisfied' })
  @Access({ roles: VOTERS, mode: 'write', units: organizerUnit })
  @Post('ballots')
  handle(
    @VoterCommand() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: CastBallotRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new CastBallotCommand(meta, p.campaignId, p.unitId, body)));
  }
}
