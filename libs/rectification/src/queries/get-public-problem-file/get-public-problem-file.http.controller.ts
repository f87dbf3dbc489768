import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer, BLOB_STORE, BlobStore, fileNotFound, sendBlob } from '@platform/blobs';
import { Access, STAFF } from '@platform/common';
import { ProblemStates } from '../../problem-states';
import { ProblemFileParams } from '../get-problem-file/get-problem-file.http.controller';
import { publicFiles } from '../public-problem-view';

@ApiTags('public 公示')
@Controller('api/public/problems/:problemId/files')
export class GetPublicProblemFileHttpController {
  constructor(private readonly problems: ProblemStates, @Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  @ApiOperation({ summary: '公示：下载已公示问题的整改资料 (public: a published problem\'s file)', description: '公示：下载已公示问题本轮整改所附的文件（无需登录）；未公示的问题、不属于它的文件与不存在的一样答 404' })
  @ApiFileAnswer()
  @Access({ roles: ['public', ...STAFF], mode: 'read', units: null })
  @Get(':sha256')
  async get(@Param() p: ProblemFileParams) {
    const state = await this.problems.get(p.problemId);
    if (!state || !publicFiles(state).includes(p.sha256)) throw fileNotFound(p.sha256);
    return sendBlob(this.blobs, p.sha256);
  }
}
