import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiRequestExample, CampaignUnitParams, Command, CommandMeta, CommandResult, fromParams, respond } from '@platform/common';
import type { Response } from 'express';
import { RecordStepCommand } from './record-step.command';
import { RecordStepRequest } from './record-step.request.dto';

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId')
export class RecordStepHttpController {
  constructor(private readonly bus: CommandBus) {}

  @ApiOperation({ summary: '记录完成的步骤 (record a completed step)', description: '记录完成的步骤（含佐证说明与附件引用）' })
  @ApiRequestExample(RecordStepRequest, '集中学习 (centralized study, in hours)', { phaseKey: 'study', stepKey: 'centralized_study', evidence: '集中学习 12 学时，参学党员 28 人', quantity: 12, occurredAt: '2026-01-20T09:00:00Z' })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('steps')
  handle(
    @Command() meta: CommandMeta,
    @Param() p: CampaignUnitParams,
    @Body() body: RecordStepRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandResult> {
    return respond(res, this.bus.execute(new RecordStepCommand(meta, p.campaignId, p.unitId, body)));
  }
}
