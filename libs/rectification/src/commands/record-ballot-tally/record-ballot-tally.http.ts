import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Access, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, IsId, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { ORGANIZERS } from '../../http/problem-access';
import { IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { recordBallotTally } from './record-ballot-tally';

const MAX_BALLOTS = 10_000_000;

/** The four grades of 满意度测评, counted at one meeting. */
export class GradeCountsRequest {
  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  fairly_satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  basically_satisfied!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_BALLOTS)
  dissatisfied!: number;
}

export class RecordBallotTallyRequest {
  /** 第几轮: 1, then 2 and on for 补课 */
  @IsInt()
  @Min(1)
  @Max(99)
  round!: number;

  /** 计票单编号: the same tally sent twice is refused, not counted twice */
  @IsId()
  tallyId!: string;

  /** 测评会议, e.g. 党员群众代表测评会 */
  @IsText(200)
  @NoControlCharacters()
  meeting!: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => GradeCountsRequest)
  counts!: GradeCountsRequest;
}

@CommandRoutes('satisfaction 满意度测评', 'api/campaigns/:campaignId/units/:unitId/satisfaction')
export class RecordBallotTallyHttpController extends RectificationCommandController {
  /** 录入一次测评会议的计票结果 */
  @ApiOperation({ summary: '录入一次测评会议的计票结果 (record a ballot tally)' })
  @Access({ roles: ORGANIZERS, mode: 'write', units: fromParams('unitId') })
  @Post('tallies')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: RecordBallotTallyRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recordBallotTally, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
