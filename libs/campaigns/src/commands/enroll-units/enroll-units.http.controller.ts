import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CampaignParams, Command, CommandMeta, CommandResult, fromBody, MANAGERS, respond } from '@platform/common';
import type { Response } from 'express';
import { EnrollUnitsCommand } from './enroll-units.command';
import { EnrollUnitsRequest } from './enroll-units.request.dto';

@ApiTags('campaigns 活动')
@Controller('api/campaigns')
export class EnrollUnitsHttpController {
  constructor(private readonly bus: CommandBus) {}

  /** 增补参加活动的组织 */
  @ApiOperation({ summary: '增补参加活动的组织 (enroll more units)' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromBody('unitIds') })
  @Post(':campaignId/enrollments')
  enroll(
    @Command() meta: CommandMeta,
    @Param() p: CampaignParams,
    @Body() body: EnrollUnitsRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new EnrollUnitsCommand(meta, p.campaignId, body)));
  }
}
