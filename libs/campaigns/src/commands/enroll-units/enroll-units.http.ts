import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { Access, CampaignParams, Command, CommandMeta, CommandResult, CommandRoutes, fromBody, MANAGERS, respond } from '@platform/common';
import { UNIT_ID_PATTERN } from '@platform/domain';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { enrollUnits } from './enroll-units';

export class EnrollUnitsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @Matches(UNIT_ID_PATTERN, { each: true, message: 'unitIds 中每项只能包含字母、数字、- 和 _' })
  unitIds!: string[];
}

@CommandRoutes('campaigns 活动', 'api/campaigns')
export class EnrollUnitsHttpController extends CampaignCommandController {
  /** 增补参加活动的组织 */
  @ApiOperation({ summary: '增补参加活动的组织 (enroll more units)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromBody('unitIds') })
  @Post(':campaignId/enrollments')
  enroll(@Command() meta: CommandMeta, @Param() p: CampaignParams, @Body() body: EnrollUnitsRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(enrollUnits, { campaignId: p.campaignId, ...body }, meta));
  }
}
