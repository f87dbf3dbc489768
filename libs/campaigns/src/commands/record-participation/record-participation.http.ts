import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { Access, ApiRequestExample, CampaignUnitParams, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, NoControlCharacters, respond } from '@platform/common';
import type { Response } from 'express';
import { CampaignCommandController } from '../../campaign-commands';
import { recordParticipation } from './record-participation';

export class ExcusedMembersRequest {
  /** 流动党员、年老体弱、因病… */
  @IsString()
  @Length(1, 200)
  @NoControlCharacters({ multiline: true })
  reason!: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  count!: number;
}

export class RecordParticipationRequest {
  /** 应参学 */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  shouldAttend!: number;

  /** 实参学 */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attended!: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExcusedMembersRequest)
  excused?: ExcusedMembersRequest[];

  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

@CommandRoutes('campaign units 参学组织', 'api/campaigns/:campaignId/units/:unitId')
export class RecordParticipationHttpController extends CampaignCommandController {
  @ApiOperation({ summary: '记录参学情况 (record participation)', description: '记录参学情况：应参学、实参学、请假及原因' })
  @ApiRequestExample(RecordParticipationRequest, '参学情况 (participation)', { shouldAttend: 30, attended: 27, excused: [{ reason: '流动党员外出务工', count: 2 }] })
  @Access({ roles: ['admin', 'office', 'operator'], mode: 'write', units: fromParams('unitId') })
  @Post('participation')
  handle(@Command() meta: CommandMeta, @Param() p: CampaignUnitParams, @Body() body: RecordParticipationRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recordParticipation, { campaignId: p.campaignId, unitId: p.unitId, ...body }, meta));
  }
}
