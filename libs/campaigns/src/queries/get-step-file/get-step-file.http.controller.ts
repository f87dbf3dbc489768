import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer, attaches, BLOB_STORE, BlobStore, fileNotFound, IsSha256, sendBlob } from '@platform/blobs';
import { Access, CampaignUnitParams, fromParams, STAFF } from '@platform/common';
import { progressStreamId } from '@platform/domain';
import { EVENT_STORE, EventStore } from '@platform/event-store';

export class StepFileParams extends CampaignUnitParams {
  @IsSha256()
  sha256!: string;
}

@ApiTags('campaign units 参学组织')
@Controller('api/campaigns/:campaignId/units/:unitId/files')
export class GetStepFileHttpController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, @Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  @ApiOperation({ summary: '下载步骤的台账资料 (download a step\'s evidence file)', description: '下载该组织在活动中记录步骤时所附的文件（会议记录、学习笔记、照片）；与查看该组织进度的范围相同，其余一律 404' })
  @ApiFileAnswer()
  @Access({ roles: STAFF, mode: 'read', units: fromParams('unitId') })
  @Get(':sha256')
  async get(@Param() p: StepFileParams) {
    if (!attaches(await this.events.readStream(progressStreamId(p.campaignId, p.unitId)), p.sha256)) throw fileNotFound(p.sha256);
    return sendBlob(this.blobs, p.sha256);
  }
}
