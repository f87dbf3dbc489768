import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer, attaches, BLOB_STORE, BlobStore, fileNotFound, IsSha256, sendBlob } from '@platform/blobs';
import { Access, STAFF } from '@platform/common';
import { problemStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';
import { problemUnits } from '../../http/problem-access';
import { ProblemParams } from '../../http/problem-params';

export class ProblemFileParams extends ProblemParams {
  @IsSha256()
  sha256!: string;
}

@ApiTags('rectification 整改台账')
@Controller('api/problems/:problemId/files')
export class GetProblemFileHttpController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, @Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  @ApiOperation({ summary: '下载问题的台账资料 (download a problem\'s evidence file)', description: '下载整改进展、整改完成申报或联动任务进展所附的文件；谁能看这个问题，谁就能下载它的文件，其余一律 404' })
  @ApiFileAnswer()
  @Access({ roles: STAFF, mode: 'read', units: problemUnits, match: 'any' })
  @Get(':sha256')
  async get(@Param() p: ProblemFileParams) {
    // Only a file this problem's own record attaches: a hash alone opens nothing.
    if (!attaches(await this.events.readStream(problemStreamId(p.problemId)), p.sha256)) throw fileNotFound(p.sha256);
    return sendBlob(this.blobs, p.sha256);
  }
}
