import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, fromParams, MANAGERS, NoControlCharacters, respond, UnitParams } from '@platform/common';
import { DEMONSTRATION_LEVELS } from '@platform/domain';
import type { Response } from 'express';
import { AssessmentCommandController } from '../../assessment-commands';
import { recommendDemonstrationPoint } from './recommend-demonstration-point';

export class RecommendDemonstrationPointRequest {
  /** 推荐年度 */
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  /** city 市级 | county 区县级 */
  @IsIn(DEMONSTRATION_LEVELS, { message: 'level 须为 city 或 county' })
  level!: string;

  /** 推荐理由 */
  @IsString()
  @Length(1, 5000)
  @NoControlCharacters({ multiline: true })
  reason!: string;
}

@CommandRoutes('demonstration points 示范点', 'api/demonstration-points/:unitId')
export class RecommendDemonstrationPointHttpController extends AssessmentCommandController {
  @ApiOperation({ summary: '推荐示范点创建单位 (recommend a unit)', description: '组织部门推荐基础好、有特色的党组织为示范点创建单位；被淘汰的单位可在以后年度再次推荐（优进劣出）' })
  @ApiRequestExample(RecommendDemonstrationPointRequest, '推荐 (recommend)', { year: 2026, level: 'city', reason: '班子坚强、阵地规范、特色产业带动明显' })
  @Access({ roles: MANAGERS, mode: 'write', units: fromParams('unitId') })
  @Post('recommendation')
  recommend(@Command() meta: CommandMeta, @Param() p: UnitParams, @Body() body: RecommendDemonstrationPointRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recommendDemonstrationPoint, { ...p, ...body }, meta));
  }
}
