import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import { StoredBlobRefs } from '@platform/blobs';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { claimFixed } from './claim-fixed';

export class ClaimFixedRequest {
  /** 整改成效佐证 */
  @IsText(5000)
  evidence!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class ClaimFixedHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '申请验收 (claim a problem fixed)', description: '申请验收（附整改成效佐证）' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/claim-fixed')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body(StoredBlobRefs) body: ClaimFixedRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(claimFixed, { problemId: p.problemId, ...body }, meta));
  }
}
