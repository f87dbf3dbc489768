import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { decideDemonstrationRecommendation } from './decide-demonstration-recommendation';

export class DecideDemonstrationRecommendationRequest {
  /** 是否确定为创建单位 */
  @IsBoolean()
  confirmed!: boolean;

  /** 理由（不确定时必填） */
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  @NoControlCharacters({ multiline: true })
  reason?: string;
}

@CommandRoutes('demonstration points 示范点', 'api/demonstration-points/:unitId')
export class DecideDemonstrationRecommendationHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '确定创建单位 (confirm or decline a recommendation)', description: '组织部门确定推荐对象为示范点创建单位，或不予确定并说明理由' })
  @ApiRequestExample(DecideDemonstrationRecommendationRequest, '确定 (confirm)', { confirmed: true })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post('confirmation')
  decide(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: DecideDemonstrationRecommendationRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(decideDemonstrationRecommendation, { ...p, ...body }, meta));
  }
}
