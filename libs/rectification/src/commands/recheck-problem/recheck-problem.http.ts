import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, IsId, respond } from '@platform/common';
import { Role } from '@platform/domain';
import type { Response } from 'express';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { recheckProblem } from './recheck-problem';

const OUTCOMES = ['held', 'rebounded'] as const;

export class RecheckProblemRequest {
  /** The 回头看 campaign doing the re-check; its parent must be the problem's campaign */
  @IsId()
  lookBackCampaignId!: string;

  /** held 巩固 | rebounded 反弹 (reopens the problem in a new cycle) */
  @IsIn(OUTCOMES, { message: 'outcome 须为: held, rebounded' })
  outcome!: (typeof OUTCOMES)[number];

  @IsText(5000)
  finding!: string;
}

/** Inspectors and the office re-check; a unit may only admit its own rebound (the decider says so). */
const RECHECKERS: readonly Role[] = ['office', 'inspector', 'operator'];

@CommandRoutes('rectification 整改台账', 'api/problems')
export class RecheckProblemHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '“回头看”复查已销号问题 (re-check a closed problem in look-back)', description: '“回头看”复查已销号问题：巩固或反弹（反弹则重新整改，历史保留）' })
  @Access({ roles: RECHECKERS, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/recheck')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body() body: RecheckProblemRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recheckProblem, { problemId: p.problemId, ...body }, meta));
  }
}
