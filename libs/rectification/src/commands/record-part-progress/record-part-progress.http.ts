import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Access, Command, CommandMeta, CommandResult, CommandRoutes, respond } from '@platform/common';
import { StoredBlobRefs } from '@platform/blobs';
import type { Response } from 'express';
import { problemUnits, UNIT_SIDE } from '../../http/problem-access';
import { ProblemPartParams } from '../../http/problem-params';
import { RectificationCommandController } from '../../rectification-facts';
import { RecordProgressRequest } from '../record-progress/record-progress.http';
import { recordPartProgress } from './record-part-progress';

/** A part's progress note takes what the problem's own does. */
export class RecordPartProgressRequest extends RecordProgressRequest {}

@CommandRoutes('rectification 整改台账', 'api/problems')
export class RecordPartProgressHttpController extends RectificationCommandController {
  /** 记录联动整改任务的进展 */
  @ApiOperation({ summary: '记录联动整改任务的进展 (record a joint part\'s progress)' })
  @Access({ roles: UNIT_SIDE, mode: 'write', units: problemUnits, match: 'any' })
  @Post(':problemId/parts/:partId/progress')
  handle(@Command() meta: CommandMeta, @Param() p: ProblemPartParams, @Body(StoredBlobRefs) body: RecordPartProgressRequest, @Res({ passthrough: true }) res: Response): Promise<CommandResult> {
    return respond(res, this.commands.execute(recordPartProgress, { problemId: p.problemId, partId: p.partId, ...body }, meta));
  }
}
