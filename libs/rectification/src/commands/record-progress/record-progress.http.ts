import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { Access, ApiRequestExample, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import { StoredBlobRefs } from '@platform/blobs';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';
import { IsAttachmentRefs, IsText } from '../../http/request-rules';
import { RectificationCommandController } from '../../rectification-facts';
import { recordProgress } from './record-progress';

export class RecordProgressRequest {
  /** 整改进展 by the unit's side (a supervision group's 督查 is a supervision note) */
  @IsText(5000)
  note!: string;

  @IsOptional()
  @IsAttachmentRefs()
  attachmentRefs?: string[];

  /** When it happened; defaults to now; may not be in the future */
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class RecordProgressHttpController extends RectificationCommandController {
  @ApiOperation({ summary: '记录整改进展 (record rectification progress)', description: '责任单位记录整改进展（督导组的督查意见另见 supervision-notes）' })
  @ApiRequestExample(RecordProgressRequest, '整改进展 (progress)', { note: '首问负责制已建立并在服务窗口公示', attachmentRefs: ['uploads/2026/03/notice-0012.pdf'] })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/progress')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemParams, @Body(StoredBlobRefs) body: RecordProgressRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recordProgress, { problemId: p.problemId, ...body }, meta));
  }
}
